import { describe, expect, it } from 'vitest'
import { effectiveRating } from './effectiveRating'

describe('effectiveRating', () => {
	it("uses the author's rating until the group agrees on one", () => {
		expect(effectiveRating({ likelihood: 2, impact: 3, agreedLikelihood: null, agreedImpact: null })).toEqual({
			likelihood: 2,
			impact: 3,
			score: 6,
			band: 'Medium',
		})
	})

	it('prefers the agreed values', () => {
		expect(effectiveRating({ likelihood: 2, impact: 3, agreedLikelihood: 4, agreedImpact: 5 })).toEqual({
			likelihood: 4,
			impact: 5,
			score: 20,
			band: 'Critical',
		})
	})

	it('falls back per dimension when only one value was agreed', () => {
		expect(effectiveRating({ likelihood: 2, impact: 3, agreedLikelihood: null, agreedImpact: 5 })).toMatchObject({ likelihood: 2, impact: 5, score: 10 })
		expect(effectiveRating({ likelihood: 2, impact: 3, agreedLikelihood: 1, agreedImpact: null })).toMatchObject({ likelihood: 1, impact: 3, score: 3, band: 'Low' })
	})

	it('refuses a level outside 1–5 instead of reporting a made-up score', () => {
		expect(() => effectiveRating({ likelihood: 0, impact: 3, agreedLikelihood: null, agreedImpact: null })).toThrow(RangeError)
		expect(() => effectiveRating({ likelihood: 3, impact: 3, agreedLikelihood: null, agreedImpact: 6 })).toThrow(RangeError)
	})
})
