import { historyChangeText, HISTORY_STOPPED_NOTICE } from '@/lib/history/historyText'
import { TRACKED_RECORDS } from '@/lib/history/trackedRecords'
import type { Block, Section } from './reportDocument'
import type { ModelHistoryEntry } from './historySchema'
import type { HistorySummary } from './historySummary'
import type { SessionModel } from './sessionModel'
import { minuteOf } from './threatFacts'

// The change history in the reports: the whole log as an appendix, and a follow-up's summary of
// who changed what in its "changes since" section.

const ROLE_NAME = { facilitator: 'facilitator', participant: 'participant', productOwner: 'product owner', observer: 'observer' } as const

/** "Threat T-007", "Element P1": what a reader recognises the record by. */
function recordLabel({ recordType, recordHumanId, recordId }: Pick<ModelHistoryEntry, 'recordType' | 'recordHumanId' | 'recordId'>): string {
	const type = TRACKED_RECORDS.get(recordType)?.label ?? recordType
	return `${type} ${recordHumanId || recordId}`
}

const stoppedNotice = (stopped: boolean): Block[] => (stopped ? [{ kind: 'notice', content: [HISTORY_STOPPED_NOTICE] }] : [])

/** Every recorded change, oldest first; none when the session has no history (older sessions, imports). */
export function historySection(model: SessionModel): Section | null {
	const { entries, stopped } = model.history
	if (entries.length === 0) return null
	return {
		id: 'history',
		title: 'Appendix: change history',
		blocks: [
			{
				kind: 'paragraph',
				content: [
					`Every change to a threat, scope item, mitigation or element property, as the room recorded it (${entries.length} entries). `,
					'Consecutive edits of one field by one person within 30 seconds are one entry.',
				],
			},
			...stoppedNotice(stopped),
			{
				kind: 'table',
				head: ['#', 'When', 'Record', 'Change', 'By'],
				numeric: [0],
				rows: entries.map((entry) => [
					String(entry.seq),
					minuteOf(entry.lastAt),
					recordLabel(entry),
					historyChangeText(entry),
					`${entry.byName} (${ROLE_NAME[entry.byRole]})${entry.edits > 1 ? `, ${entry.edits} edits` : ''}`,
				]),
			},
		],
	}
}

/** A follow-up's "who changed what" for one session: per person, then per record and field. */
export function historySummaryBlocks(title: string, summary: HistorySummary): Block[] {
	if (summary.lines.length === 0 && !summary.stopped) return []
	return [
		{ kind: 'heading', text: title },
		...stoppedNotice(summary.stopped),
		{
			kind: 'paragraph',
			content: [`Changes by: ${summary.byPerson.map((person) => `${person.name} (${ROLE_NAME[person.role]}, ${person.changes})`).join(', ')}.`],
		},
		{
			kind: 'table',
			head: ['Record', 'Change', 'By', 'Last changed'],
			rows: summary.lines.map((line) => [
				recordLabel(line),
				historyChangeText({ recordType: line.recordType, action: line.action, field: line.field, oldValue: line.from, newValue: line.to }),
				line.byNames.join(', '),
				minuteOf(line.lastAt),
			]),
		},
	]
}
