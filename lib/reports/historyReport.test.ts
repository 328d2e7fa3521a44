import { describe, expect, it } from 'vitest'
import { HistoryLog } from '@/lib/history/historyLog'
import type { RecordChange } from '@/lib/history/recordChanges'
import { buildSessionModel } from './buildSessionModel'
import { withChangesSince } from './changesSince'
import { toHtml } from './htmlReport'
import { toJson } from './json'
import { toMarkdown } from './markdownReport'
import { sessionModelSchema } from './sessionModel'
import { summariseHistory } from './summariseHistory'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { filterForView } from './views'

const at = (iso: string) => Date.parse(iso)
const dana = { userId: 'u-dana', name: 'Dana', role: 'participant' as const }
const fay = { userId: 'u-fay', name: 'Fay', role: 'facilitator' as const }

function update(recordType: string, recordId: string, recordHumanId: string, field: string, oldValue: string, newValue: string): RecordChange {
	return { recordType, recordId, recordHumanId, action: 'update', field, oldValue, newValue }
}

/** The web shop session's history as the room would have written it. */
function webShopHistory() {
	const log = new HistoryLog([])
	return [
		...log.record([update('threat', 'threat:t7', 'T-007', 'status', 'Open', 'Mitigation Planned')], dana, at('2025-03-01T09:40:00Z')),
		...log.record([update('shape', 'shape:p2', 'P2', 'name', 'Process', 'Support desk')], fay, at('2025-03-01T09:20:00Z')),
		...log.record([update('threat', 'threat:t7', 'T-007', 'status', 'Mitigation Planned', 'Verification Pending')], fay, at('2025-03-01T09:50:00Z')),
		...log.record([update('threat', 'threat:t1', 'T-001', 'title', 'Card skimming', 'Card data skimmed in the browser')], dana, at('2025-03-01T09:55:00Z')),
	]
}

const model = buildSessionModel({ ...WEB_SHOP_INPUT, history: webShopHistory() })

describe('the change history in the exports', () => {
	it('travels in the JSON export, oldest first, with field labels and without user ids', () => {
		const json: unknown = JSON.parse(toJson(model))
		const { history } = sessionModelSchema.parse(json)
		expect(history.stopped).toBe(false)
		expect(history.entries.map((entry) => [entry.seq, entry.recordHumanId, entry.fieldLabel, entry.oldValue, entry.newValue, entry.byName])).toEqual([
			[1, 'T-007', 'Status', 'Open', 'Mitigation Planned', 'Dana'],
			[2, 'P2', 'Name', 'Process', 'Support desk', 'Fay'],
			[3, 'T-007', 'Status', 'Mitigation Planned', 'Verification Pending', 'Fay'],
			[4, 'T-001', 'Title', 'Card skimming', 'Card data skimmed in the browser', 'Dana'],
		])
		expect(JSON.stringify(json)).not.toContain('u-dana')
	})

	it('reads a JSON file written before the history existed as one without history', () => {
		const { history: _, ...older } = JSON.parse(toJson(buildSessionModel(WEB_SHOP_INPUT))) as Record<string, unknown>
		expect(sessionModelSchema.parse(older).history).toEqual({ entries: [], stopped: false })
	})

	it('lists every change in an appendix of the Markdown and HTML reports, and none without a history', () => {
		const markdown = toMarkdown(model)
		expect(markdown).toContain('## Appendix: change history')
		expect(markdown).toContain('Threat T-007')
		expect(markdown).toContain('Status: “Open” → “Mitigation Planned”')
		expect(markdown).toContain('Fay (facilitator)')
		expect(toHtml(model)).toContain('<section id="history"')
		expect(toMarkdown(buildSessionModel(WEB_SHOP_INPUT))).not.toContain('change history')
	})

	it('keeps only the history of the threats an extract keeps', () => {
		const unmitigated = filterForView(model, 'unmitigated')
		const threatIds = new Set(unmitigated.threats.map((threat) => threat.id))
		expect(unmitigated.history.entries.filter((entry) => entry.recordType === 'threat').every((entry) => threatIds.has(entry.recordId))).toBe(true)
		expect(unmitigated.history.entries.some((entry) => entry.recordType === 'shape')).toBe(true)
	})
})

describe('summariseHistory', () => {
	it('folds the changes of one field to first old → last new, with everyone who made them', () => {
		const summary = summariseHistory(model.history.entries)
		expect(summary.lines.map((line) => [line.recordHumanId, line.field, line.from, line.to, line.byNames, line.edits])).toEqual([
			['T-007', 'status', 'Open', 'Verification Pending', ['Dana', 'Fay'], 2],
			['P2', 'name', 'Process', 'Support desk', ['Fay'], 1],
			['T-001', 'title', 'Card skimming', 'Card data skimmed in the browser', ['Dana'], 1],
		])
		expect(summary.byPerson).toEqual([
			{ name: 'Dana', role: 'participant', changes: 2 },
			{ name: 'Fay', role: 'facilitator', changes: 2 },
		])
	})

	it('leaves out a field changed back to where it started', () => {
		const log = new HistoryLog([])
		const entries = [
			...log.record([update('threat', 'threat:a', 'T-001', 'owner', '', 'Ops')], dana, 1000),
			...log.record([update('threat', 'threat:a', 'T-001', 'owner', 'Ops', '')], fay, 2000),
		]
		expect(summariseHistory(buildSessionModel({ ...WEB_SHOP_INPUT, history: entries }).history.entries).lines).toEqual([])
	})

	it('gives a follow-up’s “changes since” who changed what in the previous session and since', () => {
		const log = new HistoryLog([])
		const since = log.record([update('threat', 'threat:t7', 'T-007', 'status', 'Verification Pending', 'Resolved')], dana, at('2025-04-01T09:10:00Z'))
		const followUp = buildSessionModel({
			...WEB_SHOP_INPUT,
			session: { ...WEB_SHOP_INPUT.session, id: 'sess_followup', status: 'active', previousSessionId: WEB_SHOP_INPUT.session.id },
			history: since,
		})
		const withChanges = withChangesSince(followUp, model)
		expect(withChanges.changesSince?.history.previousSession.lines).toHaveLength(3)
		expect(withChanges.changesSince?.history.sinceThen.lines.map((line) => [line.recordHumanId, line.from, line.to])).toEqual([
			['T-007', 'Verification Pending', 'Resolved'],
		])
		const markdown = toMarkdown(withChanges)
		expect(markdown).toContain('### Who changed what in the previous session')
		expect(markdown).toContain('### Who changed what since')
		expect(markdown).toContain('Changes by: Dana (participant, 1).')
		const json: unknown = JSON.parse(toJson(withChanges))
		expect(sessionModelSchema.parse(json).changesSince?.history).toEqual(withChanges.changesSince?.history)
	})
})
