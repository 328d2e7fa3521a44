import { describe, expect, it } from 'vitest'
import { decidedByText, decisionFacts } from './decisionText'
import { emptyDecisionDraft } from './decisionDraft'

const stamps = { decidedBy: 'u', decidedByName: 'Paula', decidedAt: 1 }

describe('decidedByText', () => {
	it('names the product owner who decided', () => {
		expect(decidedByText({ decidedByName: 'Paula', onBehalfOf: '' })).toBe('by Paula')
	})

	it('names both the recorder and the product owner when the facilitator recorded it', () => {
		expect(decidedByText({ decidedByName: 'Fiona', onBehalfOf: 'Paula' })).toBe('recorded by Fiona on behalf of Paula')
	})
})

describe('decisionFacts', () => {
	it('lists a mitigation’s plan and leaves out what was not given', () => {
		const decision = { ...emptyDecisionDraft('mitigate'), mitigation: 'Sign it', owner: 'Team A', dueDate: '2026-01-31', ...stamps }
		expect(decisionFacts(decision)).toEqual([
			{ label: 'Mitigation', value: 'Sign it', type: 'text' },
			{ label: 'Owner', value: 'Team A', type: 'text' },
			{ label: 'Due', value: '2026-01-31', type: 'date' },
		])
	})

	it('gives a deferral its date and reason', () => {
		const decision = { ...emptyDecisionDraft('defer'), deferUntil: '2026-02-01', rationale: 'After the migration', ...stamps }
		expect(decisionFacts(decision).map((fact) => fact.label)).toEqual(['Until', 'Reason'])
	})
})
