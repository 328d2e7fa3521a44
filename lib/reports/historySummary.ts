import { z } from 'zod'
import { HISTORY_ACTIONS } from '@/lib/session/records/historyEntryRecord'
import { ROLES } from '@/lib/sessionEnums'
import type { ModelHistoryEntry } from './historySchema'

// "Who changed what" for a follow-up's changes since: the history of one session folded to one
// line per record and field (a threat retitled three times is one line, first old → last new),
// plus how many changes each person made.

export const historySummaryLineSchema = z.object({
	recordType: z.string().min(1),
	recordId: z.string().min(1),
	recordHumanId: z.string(),
	action: z.enum(HISTORY_ACTIONS),
	field: z.string(),
	fieldLabel: z.string(),
	/** The value before the first change, and after the last. */
	from: z.string(),
	to: z.string(),
	/** Everyone who changed it, in the order they first did. */
	byNames: z.array(z.string()),
	/** The writes behind the line (coalesced edits counted one by one). */
	edits: z.number().int().positive(),
	lastAt: z.iso.datetime(),
})

export const historySummarySchema = z.object({
	byPerson: z.array(z.object({ name: z.string(), role: z.enum(ROLES), changes: z.number().int().positive() })),
	lines: z.array(historySummaryLineSchema),
	/** The session's history reached its cap: later changes were not recorded. */
	stopped: z.boolean(),
})

export type HistorySummary = z.infer<typeof historySummarySchema>
type HistorySummaryLine = z.infer<typeof historySummaryLineSchema>

export const EMPTY_HISTORY_SUMMARY: HistorySummary = { byPerson: [], lines: [], stopped: false }

/** One session's history, summarised; the lines in the order each record and field first changed. Pure. */
export function summariseHistory(entries: readonly ModelHistoryEntry[], stopped = false): HistorySummary {
	const lines = new Map<string, HistorySummaryLine>()
	const people = new Map<string, HistorySummary['byPerson'][number]>()
	for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
		const person = people.get(entry.byName)
		if (person) person.changes += entry.edits
		else people.set(entry.byName, { name: entry.byName, role: entry.byRole, changes: entry.edits })
		// Updates of one field fold together; a creation, deletion or restore is its own line.
		const key = entry.action === 'update' ? `${entry.recordId}\u0000${entry.field}` : `${entry.recordId}\u0000#${entry.seq}`
		const line = lines.get(key)
		if (line) {
			line.to = entry.newValue
			line.edits += entry.edits
			line.lastAt = entry.lastAt
			line.recordHumanId = entry.recordHumanId || line.recordHumanId
			if (!line.byNames.includes(entry.byName)) line.byNames.push(entry.byName)
			continue
		}
		lines.set(key, {
			recordType: entry.recordType,
			recordId: entry.recordId,
			recordHumanId: entry.recordHumanId,
			action: entry.action,
			field: entry.field,
			fieldLabel: entry.fieldLabel,
			from: entry.oldValue,
			to: entry.newValue,
			byNames: [entry.byName],
			edits: entry.edits,
			lastAt: entry.lastAt,
		})
	}
	return {
		byPerson: [...people.values()].sort((a, b) => b.changes - a.changes || a.name.localeCompare(b.name)),
		// An update that ended where it started changed nothing worth reporting.
		lines: [...lines.values()].filter((line) => line.action !== 'update' || line.from !== line.to),
		stopped,
	}
}
