import { describe, expect, it } from 'vitest'
import { voteRecord } from './recordFactories'
import { testThreat } from '@/fixtures/workshopRecords'
import { proposedAgreement, voteSummaryFor } from './voteSummary'

describe('voteSummaryFor', () => {
	it('counts the votes on one threat only', () => {
		const threat = testThreat()
		const other = testThreat()
		const summary = voteSummaryFor(threat.id, [
			{ ...voteRecord(threat.id, 'u1', 2, 4), voterId: 'u1' },
			{ ...voteRecord(threat.id, 'u2', 4, 4), voterId: 'u2' },
			{ ...voteRecord(other.id, 'u1', 5, 5), voterId: 'u1' },
		])
		expect(summary.count).toBe(2)
		expect(summary.likelihood.spread).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 })
	})

	it('counts a fresh vote the room has not stamped yet', () => {
		const threat = testThreat()
		expect(voteSummaryFor(threat.id, [voteRecord(threat.id, 'u1', 2, 4)]).count).toBe(1)
	})
})

describe('proposedAgreement', () => {
	it('offers the median of the votes', () => {
		const threat = testThreat({ likelihood: 1, impact: 1 })
		const votes = ['u1', 'u2', 'u3'].map((voter, i) => ({ ...voteRecord(threat.id, voter, i + 2, 5 - i), voterId: voter }))
		expect(proposedAgreement(threat, voteSummaryFor(threat.id, votes))).toEqual({ likelihood: 3, impact: 4 })
	})

	it('falls back to the current effective rating without votes', () => {
		const threat = testThreat({ likelihood: 2, impact: 3, agreedImpact: 5 })
		expect(proposedAgreement(threat, voteSummaryFor(threat.id, []))).toEqual({ likelihood: 2, impact: 5 })
	})
})
