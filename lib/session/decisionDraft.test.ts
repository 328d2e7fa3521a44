import { describe, expect, it } from 'vitest'
import { DECISION_NAME_MAX, type DecisionRecord } from './records/decisionRecord'
import type { ThreatId } from './records/threatRecord'
import {
	decisionRecordFromDraft,
	draftForKind,
	emptyDecisionDraft,
	isValidDecisionDraft,
	repeatsDecision,
	switchKind,
	validateDecisionDraft,
} from './decisionDraft'

const asProductOwner = { needsOnBehalfOf: false }
const asFacilitator = { needsOnBehalfOf: true }
const threatId = 'threat:t1' as ThreatId

function errorFields(errors: object): string[] {
	return Object.keys(errors).sort()
}

describe('validateDecisionDraft', () => {
	it('asks for what each kind requires, as the room does', () => {
		expect(errorFields(validateDecisionDraft(emptyDecisionDraft('mitigate'), asProductOwner))).toEqual(['dueDate', 'mitigation', 'owner'])
		expect(errorFields(validateDecisionDraft(emptyDecisionDraft('accept'), asProductOwner))).toEqual(['rationale', 'reviewDate'])
		expect(errorFields(validateDecisionDraft(emptyDecisionDraft('defer'), asProductOwner))).toEqual(['deferUntil', 'rationale'])
		expect(errorFields(validateDecisionDraft(emptyDecisionDraft('transfer'), asProductOwner))).toEqual(['rationale', 'transferTo'])
	})

	it('accepts a complete decision, the issue link being optional', () => {
		const draft = { ...emptyDecisionDraft('mitigate'), mitigation: 'Sign the total', owner: 'Payments team', dueDate: '2026-01-31' }
		expect(isValidDecisionDraft(validateDecisionDraft(draft, asProductOwner))).toBe(true)
	})

	it('requires the facilitator to name the product owner they decide for', () => {
		const draft = { ...emptyDecisionDraft('accept'), rationale: 'Low value target', reviewDate: '2026-06-01' }
		expect(errorFields(validateDecisionDraft(draft, asFacilitator))).toEqual(['onBehalfOf'])
		expect(errorFields(validateDecisionDraft({ ...draft, onBehalfOf: '  ' }, asFacilitator))).toEqual(['onBehalfOf'])
		expect(isValidDecisionDraft(validateDecisionDraft({ ...draft, onBehalfOf: 'Paula' }, asFacilitator))).toBe(true)
	})

	it('checks dates, links and lengths against the record’s validators', () => {
		const draft = {
			...emptyDecisionDraft('mitigate'),
			mitigation: 'x',
			owner: 'o'.repeat(DECISION_NAME_MAX + 1),
			dueDate: '31.01.2026',
			issueUrl: 'javascript:alert(1)',
		}
		expect(errorFields(validateDecisionDraft(draft, asProductOwner))).toEqual(['dueDate', 'issueUrl', 'owner'])
	})

	it('ignores fields the kind does not record', () => {
		const draft = { ...emptyDecisionDraft('accept'), rationale: 'r', reviewDate: '2026-06-01', dueDate: 'garbage' }
		expect(isValidDecisionDraft(validateDecisionDraft(draft, asProductOwner))).toBe(true)
	})
})

describe('decisionRecordFromDraft', () => {
	it('records only the kind’s own fields, trimmed, with the room’s stamps left empty', () => {
		const draft = { ...emptyDecisionDraft('accept'), rationale: '  Internal tool only ', reviewDate: '2026-06-01', owner: 'stale' }
		const record = decisionRecordFromDraft(threatId, draft, { estimatedAt: 1_000, needsOnBehalfOf: false, newId: () => 'd1' })
		expect(record).toMatchObject({
			id: 'decision:d1',
			typeName: 'decision',
			threatId,
			kind: 'accept',
			rationale: 'Internal tool only',
			reviewDate: '2026-06-01',
			owner: '',
			onBehalfOf: '',
			decidedBy: '',
			decidedByName: '',
			decidedAt: 1_000,
		})
	})

	it('keeps the product owner’s name when the facilitator records it', () => {
		const draft = { ...emptyDecisionDraft('transfer'), transferTo: 'Card processor', rationale: 'Contract', onBehalfOf: 'Paula' }
		expect(decisionRecordFromDraft(threatId, draft, { estimatedAt: 1, needsOnBehalfOf: true }).onBehalfOf).toBe('Paula')
		expect(decisionRecordFromDraft(threatId, draft, { estimatedAt: 1, needsOnBehalfOf: false }).onBehalfOf).toBe('')
	})
})

describe('changing a decision', () => {
	const current: DecisionRecord = {
		...decisionRecordFromDraft(
			threatId,
			{ ...emptyDecisionDraft('defer'), deferUntil: '2026-02-01', rationale: 'Waiting for the new gateway' },
			{ estimatedAt: 5, needsOnBehalfOf: false },
		),
		decidedBy: 'po',
		decidedByName: 'Paula',
	}

	it('starts from what the decision in force said that still applies', () => {
		expect(draftForKind('accept', current)).toMatchObject({ kind: 'accept', rationale: 'Waiting for the new gateway', reviewDate: '' })
		expect(draftForKind('mitigate', current)).toEqual(emptyDecisionDraft('mitigate'))
		expect(draftForKind('defer', null)).toEqual(emptyDecisionDraft('defer'))
	})

	it('keeps what was typed when the kind changes, and fills the rest from the decision in force', () => {
		const typed = { ...emptyDecisionDraft('mitigate'), owner: 'Payments team', onBehalfOf: 'Paula' }
		expect(switchKind(typed, 'defer', current)).toMatchObject({
			kind: 'defer',
			owner: 'Payments team',
			onBehalfOf: 'Paula',
			deferUntil: '2026-02-01',
			rationale: 'Waiting for the new gateway',
		})
		expect(switchKind(null, 'accept', null)).toEqual(emptyDecisionDraft('accept'))
	})

	it('notices a recording that would only repeat the decision in force', () => {
		expect(repeatsDecision(draftForKind('defer', current), current, asProductOwner)).toBe(true)
		expect(repeatsDecision({ ...draftForKind('defer', current), deferUntil: '2026-03-01' }, current, asProductOwner)).toBe(false)
		expect(repeatsDecision(draftForKind('accept', current), current, asProductOwner)).toBe(false)
		expect(repeatsDecision(draftForKind('defer', current), null, asProductOwner)).toBe(false)
	})
})
