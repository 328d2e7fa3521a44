import { isHistoryFull } from '@/lib/history/historyText'
import { fieldLabel } from '@/lib/history/trackedRecords'
import type { HistoryEntryRecord } from '@/lib/session/records/historyEntryRecord'
import { isoInstant } from './buildThreats'
import type { ModelHistory } from './historySchema'

export type HistoryInput = Omit<HistoryEntryRecord, 'typeName' | 'id' | 'by'>

/** The session's change history for the model, oldest first, the authors by name and role. Pure. */
export function buildHistory(entries: readonly HistoryInput[]): ModelHistory {
	return {
		entries: [...entries]
			.sort((a, b) => a.seq - b.seq)
			.map((entry) => ({
				seq: entry.seq,
				recordType: entry.recordType,
				recordId: entry.recordId,
				recordHumanId: entry.recordHumanId,
				action: entry.action,
				field: entry.field,
				fieldLabel: entry.field === '' ? '' : fieldLabel(entry.recordType, entry.field),
				oldValue: entry.oldValue,
				newValue: entry.newValue,
				byName: entry.byName,
				byRole: entry.byRole,
				at: isoInstant(entry.at),
				lastAt: isoInstant(entry.lastAt),
				edits: entry.edits,
			})),
		stopped: isHistoryFull(entries),
	}
}
