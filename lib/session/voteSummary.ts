import { aggregateVotes, type VoteSummary } from '../analysis/votes'
import { asRiskLevel, type RiskLevel } from '../risk/riskScore'
import { effectiveRating } from './effectiveRating'
import type { ThreatId, ThreatRecord } from './records/threatRecord'
import type { VoteRecord } from './records/voteRecord'

/** The spread of the current votes on one threat (one per voter, by the vote's derived id). */
export function voteSummaryFor(threatId: ThreatId, votes: readonly VoteRecord[]): VoteSummary {
	return aggregateVotes(
		votes
			.filter((vote) => vote.threatId === threatId)
			.map((vote) => ({
				// Before the room stamps a fresh vote, its voter is not filled in; its id already says whose it is.
				voterId: vote.voterId || vote.id,
				likelihood: asRiskLevel(vote.likelihood, 'likelihood'),
				impact: asRiskLevel(vote.impact, 'impact'),
			})),
	)
}

/**
 * What the facilitator is offered to agree: the median of the votes per dimension, falling back to
 * the threat's current effective value where nobody has voted on that dimension.
 */
export function proposedAgreement(threat: ThreatRecord, summary: VoteSummary): { likelihood: RiskLevel; impact: RiskLevel } {
	const current = effectiveRating(threat)
	return {
		likelihood: summary.likelihood.median ?? current.likelihood,
		impact: summary.impact.median ?? current.impact,
	}
}
