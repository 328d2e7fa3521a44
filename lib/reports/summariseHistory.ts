import type { ModelHistoryEntry } from './historySchema'
import type { HistorySummary, HistorySummaryLine } from './historySummary'

// "Who changed what" for a follow-up's changes since: the history of one session folded to one
// line per record and field (a threat retitled three times is one line, first old → last new),
// plus how many changes each person made.

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
