import { describe, expect, it } from 'vitest'
import { buildThreats } from './buildThreats'
import { decisionRecordFromDraft, emptyDecisionDraft } from '../session/decisionDraft'
import type { DecisionKind } from '../session/records/decisionRecord'
import type { ThreatRecord } from '../session/records/threatRecord'
import { tallyThreats } from './threatTally'
import { testThreat } from '@/fixtures/workshopRecords'

function decided(threat: ThreatRecord, kind: DecisionKind, decidedAt: number) {
	const record = decisionRecordFromDraft(threat.id, emptyDecisionDraft(kind), { estimatedAt: decidedAt, needsOnBehalfOf: false })
	return { ...record, decidedByName: 'Paula' }
}

describe('tallyThreats', () => {
	const critical = testThreat({ humanId: 'T-001', likelihood: 4, impact: 5 })
	const high = testThreat({ humanId: 'T-002', likelihood: 3, impact: 4 })
	const low = testThreat({ humanId: 'T-003', likelihood: 1, impact: 2, status: 'Resolved' })
	const fixed = testThreat({ humanId: 'T-004', likelihood: 2, impact: 2, status: 'False Positive' })
	const threats = buildThreats(
		[critical, high, low, fixed],
		[],
		[decided(critical, 'defer', 1), decided(critical, 'accept', 2), decided(low, 'mitigate', 3)],
		new Map(),
	)

	it('counts threats by band and by the decision in force', () => {
		const summary = tallyThreats(threats)
		expect(summary.threats).toBe(4)
		expect(summary.byBand).toEqual({ Critical: 1, High: 1, Medium: 1, Low: 1 })
		expect(summary.byDecision).toEqual({ mitigate: 1, accept: 1, defer: 0, transfer: 0, undecided: 2 })
	})

	it('lists what is still exploitable, highest risk first, as the unmitigated report does', () => {
		expect(tallyThreats(threats).unmitigated.map((threat) => threat.humanId)).toEqual(['T-001', 'T-002'])
	})
})
