import { describe, expect, it } from 'vitest'
import { decisionHistories, decisionInForce, missingDecisionField, normalisedDecision } from './decisions'
import type { DecisionId } from './records/decisionRecord'
import type { ThreatId } from './records/threatRecord'
import { fixtureDecision } from '@/fixtures/workshopRecords'

const decided = (id: string, threatId: string, decidedAt: number) =>
	fixtureDecision({ id: `decision:${id}` as DecisionId, threatId: `threat:${threatId}` as ThreatId, decidedAt })

describe('decision histories', () => {
	it("keeps each threat's decisions apart, oldest first, the latest in force", () => {
		const decisions = [decided('c', 't1', 30), decided('a', 't1', 10), decided('b', 't2', 20)]
		const histories = decisionHistories(decisions)
		expect(histories.get('threat:t1')?.map((decision) => decision.id)).toEqual(['decision:a', 'decision:c'])
		expect(histories.get('threat:t2')?.map((decision) => decision.id)).toEqual(['decision:b'])
		expect(decisionInForce(decisions, 'threat:t1')?.id).toBe('decision:c')
	})

	it('has no decision in force on an undecided threat', () => {
		expect(decisionInForce([decided('a', 't1', 10)], 'threat:t9')).toBeNull()
	})

	it('orders decisions of the same millisecond by id', () => {
		expect(decisionInForce([decided('b', 't1', 10), decided('a', 't1', 10)], 'threat:t1')?.id).toBe('decision:b')
	})
})

describe('what a decision must say', () => {
	it('names the first required field of its kind that is blank', () => {
		expect(missingDecisionField(fixtureDecision())).toBeNull()
		expect(missingDecisionField(fixtureDecision({ owner: ' ', dueDate: '' }))).toBe('owner')
		expect(missingDecisionField(fixtureDecision({ kind: 'accept' }))).toBe('rationale')
		expect(missingDecisionField(fixtureDecision({ kind: 'transfer', rationale: 'Contract', transferTo: '' }))).toBe('transferTo')
	})

	it("keeps only its kind's fields, trimmed", () => {
		const deferred = fixtureDecision({ kind: 'defer', deferUntil: '2026-01-01', rationale: ' Later ', onBehalfOf: ' Paula ' })
		expect(normalisedDecision(deferred)).toMatchObject({
			deferUntil: '2026-01-01',
			rationale: 'Later',
			onBehalfOf: 'Paula',
			mitigation: '',
			owner: '',
			dueDate: '',
		})
	})
})
