import type { HistoryEntryRecord } from '../session/records/historyEntryRecord'
import { HISTORY_CAP } from './historyLog'
import { fieldLabel } from './trackedRecords'

type EntryText = Pick<HistoryEntryRecord, 'recordType' | 'action' | 'field' | 'oldValue' | 'newValue'>

const quoted = (value: string) => (value === '' ? '(empty)' : `“${value}”`)

/** What an entry says happened, in words: "Status: “Open” → “Resolved”", "Created “Forged token”". */
export function historyChangeText({ recordType, action, field, oldValue, newValue }: EntryText): string {
	switch (action) {
		case 'create':
			return `Created ${quoted(newValue)}`
		case 'delete':
			return `Deleted ${quoted(oldValue)}`
		case 'restore':
			return `Restored ${quoted(newValue)}`
		case 'update':
			return `${fieldLabel(recordType, field)}: ${quoted(oldValue)} → ${quoted(newValue)}`
	}
}

/** The notice shown once the session's history reached its cap (historyLog.ts). */
export const HISTORY_STOPPED_NOTICE = `The change history stopped at ${HISTORY_CAP} entries; later changes were not recorded.`

/** Each record's entries, oldest first. */
export function historyByRecord(entries: readonly HistoryEntryRecord[]): Map<string, HistoryEntryRecord[]> {
	const byRecord = new Map<string, HistoryEntryRecord[]>()
	for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
		const list = byRecord.get(entry.recordId)
		if (list) list.push(entry)
		else byRecord.set(entry.recordId, [entry])
	}
	return byRecord
}

export function isHistoryFull(entries: readonly unknown[]): boolean {
	return entries.length >= HISTORY_CAP
}
