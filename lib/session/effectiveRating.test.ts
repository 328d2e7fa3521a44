import { describe, expect, it } from 'vitest'
import { effectiveRating } from './effectiveRating'

describe('effectiveRating', () => {
	it('is the author’s rating until anything is agreed', () => {
		const rating = effectiveRating({ likelihood: 2, impact: 4, agreedLikelihood: null, agreedImpact: null })
		expect(rating).toMatchObject({ likelihood: 2, impact: 4, score: 8, agreedLikelihood: false, agreedImpact: false })
		expect(rating.band.name).toBe('Medium')
	})

	it('takes the agreed values over the author’s', () => {
		const rating = effectiveRating({ likelihood: 2, impact: 4, agreedLikelihood: 4, agreedImpact: 5 })
		expect(rating).toMatchObject({ likelihood: 4, impact: 5, score: 20, agreedLikelihood: true, agreedImpact: true })
		expect(rating.band.name).toBe('Critical')
	})

	it('agrees each dimension on its own', () => {
		const rating = effectiveRating({ likelihood: 1, impact: 2, agreedLikelihood: null, agreedImpact: 3 })
		expect(rating).toMatchObject({ likelihood: 1, impact: 3, score: 3, agreedLikelihood: false, agreedImpact: true })
		expect(rating.band.name).toBe('Low')
	})
})
