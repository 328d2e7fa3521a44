import { describe, expect, it } from 'vitest'
import { ratingFromTd, tdScoreOf } from './tdRating'

describe('ratingFromTd', () => {
	it.each([
		['Critical', 4, 4],
		['High', 3, 3],
		['Medium', 2, 2],
		['Low', 1, 1],
		['Informational', 1, 1],
		['Unknown', 2, 2],
	] as const)('rates a %s threat without a score at the smallest square of its band', (severity, likelihood, impact) => {
		expect(ratingFromTd('', severity)).toEqual({ likelihood, impact })
	})

	it.each([
		['9.8', 4],
		['7.5', 3],
		['7', 3],
		['5.3', 2],
		['0', 1],
		['3.9', 1],
	])('reads the score %s as CVSS', (score, level) => {
		expect(ratingFromTd(score, 'Unknown')).toEqual({ likelihood: level, impact: level })
	})

	it('reads a score from 11 to 25 as ours', () => {
		expect(ratingFromTd('12', 'Low')).toEqual({ likelihood: 3, impact: 3 })
		expect(ratingFromTd('20', 'Low')).toEqual({ likelihood: 4, impact: 4 })
	})

	it('reads its own score back exactly', () => {
		expect(ratingFromTd(tdScoreOf({ likelihood: 2, impact: 5 }), 'Low')).toEqual({ likelihood: 2, impact: 5 })
		expect(tdScoreOf({ likelihood: 4, impact: 3 })).toBe('12 (likelihood 4 × impact 3)')
	})

	it('falls back to the severity for a score it cannot read', () => {
		expect(ratingFromTd('high-ish', 'High')).toEqual({ likelihood: 3, impact: 3 })
		expect(ratingFromTd('30', 'Medium')).toEqual({ likelihood: 2, impact: 2 })
		expect(ratingFromTd('12.5', 'Low')).toEqual({ likelihood: 1, impact: 1 })
	})
})
