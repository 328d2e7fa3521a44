import * as z from 'zod/mini'
import { nonEmptyString } from '@/lib/nonEmptyString'
import { impactSchema, likelihoodSchema, RISK_LEVELS, type RiskLevel } from '@/lib/risk/riskScore'

const voteSchema = z.object({
	voterId: nonEmptyString,
	likelihood: likelihoodSchema,
	impact: impactSchema,
})
export type Vote = z.infer<typeof voteSchema>

/**
 * The current votes on one threat, keyed by voter: one vote per person by construction, so a
 * re-vote can never be double-counted. A plain object (not a Map) because it lives in a tldraw
 * record and must survive JSON.
 */
export type VotesByVoter = Readonly<Record<string, Vote>>
export const votesByVoterSchema = z.record(z.string(), voteSchema)

/** Records `vote`, replacing the same voter's earlier vote. Returns a new object. */
export function upsertVote(votes: VotesByVoter, vote: Vote): VotesByVoter {
	return { ...votes, [vote.voterId]: vote }
}

/** A voter takes their vote back (e.g. they voted on the wrong threat). */
export function removeVote(votes: VotesByVoter, voterId: string): VotesByVoter {
	if (!Object.hasOwn(votes, voterId)) return votes
	const { [voterId]: _removed, ...rest } = votes
	return rest
}

/** Folds a chronological list of votes: a voter's later vote replaces their earlier one. */
export function votesFromHistory(history: readonly Vote[]): VotesByVoter {
	return history.reduce<VotesByVoter>(upsertVote, {})
}

type VoteSpread = Readonly<Record<RiskLevel, number>>

type DimensionSummary = {
	/** How many voters picked each level; every level present, zero when nobody picked it. */
	spread: VoteSpread
	/**
	 * The lower median: for an even count, the smaller of the two middle votes. It is always a
	 * level somebody actually voted for and can be used as the proposed value without rounding;
	 * leaning low on a tie is fine because the facilitator discusses split votes anyway.
	 */
	median: RiskLevel | null
	/** Unrounded; for display ("3.4"), not for scoring. */
	mean: number | null
	/** The extremes: planning-poker practice is to hear the lowest and highest voter first. */
	min: RiskLevel | null
	max: RiskLevel | null
}

export type VoteSummary = {
	count: number
	likelihood: DimensionSummary
	impact: DimensionSummary
}

function summarise(levels: readonly RiskLevel[]): DimensionSummary {
	const spread = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<RiskLevel, number>
	for (const level of levels) spread[level] += 1
	if (levels.length === 0) return { spread, median: null, mean: null, min: null, max: null }

	const sorted = [...levels].sort((a, b) => a - b)
	const lowerMiddle = Math.floor((sorted.length - 1) / 2)
	return {
		spread,
		median: sorted[lowerMiddle] ?? null,
		mean: sorted.reduce((sum, level) => sum + level, 0) / sorted.length,
		min: sorted[0] ?? null,
		max: sorted[sorted.length - 1] ?? null,
	}
}

function isVoteHistory(votes: VotesByVoter | readonly Vote[]): votes is readonly Vote[] {
	return Array.isArray(votes)
}

/** Summarises votes; a list is read as history, so a voter's later vote wins. */
export function aggregateVotes(votes: VotesByVoter | readonly Vote[]): VoteSummary {
	const current = Object.values(isVoteHistory(votes) ? votesFromHistory(votes) : votes)
	return {
		count: current.length,
		likelihood: summarise(current.map((vote) => vote.likelihood)),
		impact: summarise(current.map((vote) => vote.impact)),
	}
}
