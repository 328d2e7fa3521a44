import { describe, expect, it } from 'vitest'
import { residualRiskLabel, residualRiskOf } from './residualRisk'
import type { ModelDecision, ModelThreat } from './sessionModel'

function decided(kind: ModelDecision['kind'], fields: Partial<ModelDecision> = {}): ModelDecision {
	return {
		id: 'decision:d',
		kind,
		rationale: 'why',
		mitigation: '',
		owner: '',
		dueDate: null,
		issueUrl: null,
		reviewDate: null,
		deferUntil: null,
		transferTo: '',
		onBehalfOf: '',
		decidedBy: 'u',
		decidedByName: 'Pat',
		decidedAt: '2025-03-01T10:00:00.000Z',
		...fields,
	}
}

const threat = (status: ModelThreat['status'], decision: ModelDecision | null) => ({ status, decision })

describe('residualRiskOf', () => {
	it('follows the decision in force, whatever the status says', () => {
		expect(residualRiskOf(threat('Open', decided('accept', { reviewDate: '2025-09-01' })))).toEqual({ kind: 'accepted', reviewDate: '2025-09-01' })
		expect(residualRiskOf(threat('Accepted', decided('transfer', { transferTo: 'Insurer' })))).toEqual({ kind: 'transferred', to: 'Insurer' })
		expect(residualRiskOf(threat('Deferred', decided('defer', { deferUntil: '2025-06-30' })))).toEqual({ kind: 'deferred', until: '2025-06-30' })
		expect(residualRiskOf(threat('Mitigation In Progress', decided('mitigate', { dueDate: '2025-04-15' })))).toEqual({
			kind: 'mitigating',
			dueDate: '2025-04-15',
		})
		// Resolved under an accept decision is not mitigated (views.ts): it stays an accepted risk.
		expect(residualRiskOf(threat('Resolved', decided('accept')))).toEqual({ kind: 'accepted', reviewDate: null })
	})

	it('is open, at its band’s priority, only when nobody decided', () => {
		expect(residualRiskOf(threat('Open', null))).toEqual({ kind: 'open' })
		expect(residualRiskOf(threat('Verification Pending', null))).toEqual({ kind: 'open' })
	})

	it('reads an Accepted or Deferred status without a decision (an import) the same way', () => {
		expect(residualRiskOf(threat('Accepted', null))).toEqual({ kind: 'accepted', reviewDate: null })
		expect(residualRiskOf(threat('Deferred', null))).toEqual({ kind: 'deferred', until: null })
	})

	it('leaves nothing for a mitigated threat', () => {
		expect(residualRiskOf(threat('Resolved', decided('mitigate')))).toBeNull()
		expect(residualRiskOf(threat('Closed', null))).toBeNull()
		expect(residualRiskOf(threat('False Positive', decided('accept')))).toBeNull()
	})
})

describe('residualRiskLabel', () => {
	it('says what was decided, with its date or recipient', () => {
		expect(residualRiskLabel({ kind: 'deferred', until: '2025-06-30' })).toBe('Deferred until 2025-06-30')
		expect(residualRiskLabel({ kind: 'accepted', reviewDate: null })).toBe('Accepted')
		expect(residualRiskLabel({ kind: 'transferred', to: 'PSP contract' })).toBe('Transferred to PSP contract')
		expect(residualRiskLabel({ kind: 'mitigating', dueDate: null })).toBe('Mitigation planned')
		expect(residualRiskLabel({ kind: 'open' })).toBe('Open')
	})
})
