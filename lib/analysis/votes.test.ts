import { describe, expect, it } from 'vitest'
import { aggregateVotes, removeVote, upsertVote, type Vote, votesByVoterSchema, votesFromHistory } from './votes'

const vote = (voterId: string, likelihood: Vote['likelihood'], impact: Vote['impact']): Vote => ({ voterId, likelihood, impact })

describe('upsertVote', () => {
	it("replaces a voter's earlier vote instead of adding a second one", () => {
		const votes = upsertVote(upsertVote({}, vote('ana', 2, 3)), vote('ana', 4, 5))
		expect(votes).toEqual({ ana: vote('ana', 4, 5) })
	})

	it('keeps other voters untouched and does not mutate its input', () => {
		const before = { ben: vote('ben', 1, 1) }
		const after = upsertVote(before, vote('ana', 3, 3))
		expect(before).toEqual({ ben: vote('ben', 1, 1) })
		expect(Object.keys(after).sort()).toEqual(['ana', 'ben'])
	})

	it('keeps a voter id like __proto__ as an ordinary vote', () => {
		const votes = upsertVote({}, vote('__proto__', 2, 2))
		expect(aggregateVotes(votes).count).toBe(1)
	})
})

describe('removeVote', () => {
	it("drops only that voter's vote", () => {
		const votes = votesFromHistory([vote('ana', 2, 2), vote('ben', 3, 3)])
		expect(Object.keys(removeVote(votes, 'ana'))).toEqual(['ben'])
		expect(removeVote(votes, 'nobody')).toBe(votes)
	})
})

describe('aggregateVotes', () => {
	it('reports nothing but zeros and nulls for no votes', () => {
		const summary = aggregateVotes({})
		expect(summary.count).toBe(0)
		expect(summary.likelihood).toEqual({ spread: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, median: null, mean: null, min: null, max: null })
	})

	it('counts each level per dimension', () => {
		const summary = aggregateVotes([vote('a', 1, 5), vote('b', 3, 5), vote('c', 3, 4)])
		expect(summary.likelihood.spread).toEqual({ 1: 1, 2: 0, 3: 2, 4: 0, 5: 0 })
		expect(summary.impact.spread).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 })
	})

	it('takes the middle vote as the median for an odd count', () => {
		const summary = aggregateVotes([vote('a', 5, 1), vote('b', 1, 2), vote('c', 2, 4)])
		expect(summary.likelihood.median).toBe(2)
		expect(summary.impact.median).toBe(2)
	})

	it('takes the lower of the two middle votes as the median for an even count', () => {
		const summary = aggregateVotes([vote('a', 2, 4), vote('b', 4, 5), vote('c', 3, 1), vote('d', 5, 5)])
		expect(summary.likelihood.median).toBe(3)
		expect(summary.impact.median).toBe(4)
	})

	it('gives the unrounded mean and the extremes', () => {
		const summary = aggregateVotes([vote('a', 1, 2), vote('b', 2, 2), vote('c', 4, 3)])
		expect(summary.likelihood.mean).toBeCloseTo(7 / 3)
		expect(summary.likelihood.min).toBe(1)
		expect(summary.likelihood.max).toBe(4)
		expect(summary.impact.mean).toBeCloseTo(7 / 3)
	})

	it("counts only a voter's latest vote when given a history", () => {
		const summary = aggregateVotes([vote('a', 1, 1), vote('b', 2, 2), vote('a', 5, 5)])
		expect(summary.count).toBe(2)
		expect(summary.likelihood.spread).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 })
		expect(summary.likelihood.mean).toBe(3.5)
	})
})

describe('votesByVoterSchema', () => {
	it('rejects a vote outside the 1–5 scale', () => {
		expect(votesByVoterSchema.safeParse({ a: vote('a', 3, 3) }).success).toBe(true)
		expect(votesByVoterSchema.safeParse({ a: { voterId: 'a', likelihood: 6, impact: 3 } }).success).toBe(false)
	})
})
