import { describe, expect, it } from 'vitest'
import { create, NOW, sessionOf, setup } from '@/tests/fixtures/authorizer'
import { DECISION_REQUIRED_FIELDS } from './decisions'
import { DECISION_KINDS, type DecisionRecord } from './records/decisionRecord'
import { DECISION_MISSING_REASON, REJECTION_REASON as R } from './rejectionReasons'
import { fixtureDecision } from '@/fixtures/workshopRecords'

// The decide phase's rules in the room (the who-may matrix is in authorizeSessionRecords.test.ts):
// what a decision must say, what the room stamps, and whose name it carries.

/** A decision of `kind` with every field its kind requires. */
function completeDecision(kind: DecisionRecord['kind'], overrides: Partial<DecisionRecord> = {}): DecisionRecord {
	const fields: Record<DecisionRecord['kind'], Partial<DecisionRecord>> = {
		mitigate: { mitigation: 'Bind the cookie to the device', owner: 'Payments team', dueDate: '2026-03-31' },
		accept: { rationale: 'Only exploitable from the office network', reviewDate: '2026-06-30' },
		defer: { deferUntil: '2026-09-01', rationale: 'Waits for the new gateway' },
		transfer: { transferTo: 'Card processor (contract §7)', rationale: 'They own the tokenisation' },
	}
	const empty = { mitigation: '', owner: '', dueDate: '', rationale: '', reviewDate: '', deferUntil: '', transferTo: '' }
	return fixtureDecision({ ...empty, kind, ...fields[kind], ...overrides })
}

describe('a decision as the room stores it', () => {
	it("stamps who decided and when, and drops an 'on behalf of' the product owner sent", () => {
		const { authorize } = setup()
		const sent = completeDecision('accept', { onBehalfOf: 'Someone else', decidedBy: 'forged', decidedByName: 'Forged', decidedAt: 1 })
		expect(authorize(create(sessionOf('productOwner'), sent))).toEqual({
			...sent,
			onBehalfOf: '',
			decidedBy: 'pol',
			decidedByName: 'Pol',
			decidedAt: NOW,
		})
	})

	it('records the facilitator as the one who pressed the button, on behalf of the named person', () => {
		const { authorize } = setup()
		const sent = completeDecision('defer', { onBehalfOf: '  Paula (product owner) ' })
		expect(authorize(create(sessionOf('facilitator'), sent))).toMatchObject({
			onBehalfOf: 'Paula (product owner)',
			decidedBy: 'fay',
			decidedByName: 'Fay',
			decidedAt: NOW,
		})
	})

	it("refuses a facilitator's decision whose 'on behalf of' is blank", () => {
		const { authorize, rejections } = setup()
		expect(authorize(create(sessionOf('facilitator'), completeDecision('accept', { onBehalfOf: '   ' })))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.decisionOnBehalf])
	})

	it('empties the fields that do not belong to its kind and trims the rest', () => {
		const { authorize } = setup()
		const sent = completeDecision('accept', {
			rationale: '  Low value target  ',
			mitigation: 'Left over from the form',
			owner: 'Nobody',
			issueUrl: 'https://example.com/issues/1',
			transferTo: 'Insurer',
		})
		expect(authorize(create(sessionOf('productOwner'), sent))).toMatchObject({
			rationale: 'Low value target',
			reviewDate: '2026-06-30',
			mitigation: '',
			owner: '',
			issueUrl: '',
			transferTo: '',
		})
	})

	it('keeps the optional issue link of a mitigation', () => {
		const { authorize } = setup()
		const sent = completeDecision('mitigate', { issueUrl: 'https://tracker.example.com/PAY-12' })
		expect(authorize(create(sessionOf('productOwner'), sent))).toMatchObject({ issueUrl: 'https://tracker.example.com/PAY-12' })
	})

	it('hands an invalid decision back unstamped, for the room to refuse as INVALID_RECORD', () => {
		const { authorize, rejections } = setup()
		const invalid = completeDecision('mitigate', { dueDate: 'next Friday' })
		expect(authorize(create(sessionOf('productOwner'), invalid))).toEqual(invalid)
		expect(rejections).toEqual([])
	})
})

const MISSING_CASES = DECISION_KINDS.flatMap((kind) =>
	DECISION_REQUIRED_FIELDS[kind].map((field) => ({ kind, field, reason: Reflect.get(DECISION_MISSING_REASON[kind], field) })),
)

describe('what each kind of decision must say', () => {
	it.each(MISSING_CASES)('refuses to $kind without $field: "$reason"', ({ kind, field, reason }) => {
		const { authorize, rejections } = setup()
		// Blank counts as missing: a text of spaces says nothing (a date is '' or a valid date).
		const blank = /date|until/i.test(field) ? '' : '  '
		expect(authorize(create(sessionOf('productOwner'), completeDecision(kind, { [field]: blank })))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([reason])
	})

	it.each(DECISION_KINDS)('accepts a complete decision to %s', (kind) => {
		const { authorize } = setup()
		expect(authorize(create(sessionOf('productOwner'), completeDecision(kind)))).toMatchObject({ kind, decidedAt: NOW })
	})
})
