import { describe, expect, it } from 'vitest'
import { effectiveRating } from '@/lib/session/effectiveRating'
import { modelRating } from './modelRating'

describe('modelRating', () => {
	it("uses the author's rating until the group agrees on one", () => {
		expect(modelRating({ likelihood: 2, impact: 3, agreedLikelihood: null, agreedImpact: null })).toEqual({
			likelihood: 2,
			impact: 3,
			score: 6,
			band: 'Medium',
		})
	})

	it('prefers the agreed values, each dimension on its own', () => {
		expect(modelRating({ likelihood: 2, impact: 3, agreedLikelihood: 4, agreedImpact: 5 })).toEqual({ likelihood: 4, impact: 5, score: 20, band: 'Critical' })
		expect(modelRating({ likelihood: 2, impact: 3, agreedLikelihood: null, agreedImpact: 5 })).toMatchObject({ likelihood: 2, impact: 5, score: 10 })
	})

	it('is the session’s own rule, so a report never rates a threat differently from the panel', () => {
		for (const likelihood of [1, 2, 3, 4, 5]) {
			for (const agreed of [null, 1, 5]) {
				const threat = { likelihood, impact: 6 - likelihood, agreedLikelihood: agreed, agreedImpact: null }
				const session = effectiveRating(threat)
				expect(modelRating(threat)).toEqual({ likelihood: session.likelihood, impact: session.impact, score: session.score, band: session.band.name })
			}
		}
	})
})
