import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { elementBadges } from './elementBadges'
import { testThreat } from '@/fixtures/workshopRecords'

const flow = 'shape:flow' as TLShapeId
const store = 'shape:store' as TLShapeId

describe('elementBadges', () => {
	it('counts each element’s threats and keeps the worst effective band', () => {
		const badges = elementBadges(
			[
				testThreat({ shapeId: flow, likelihood: 1, impact: 2 }),
				testThreat({ shapeId: flow, likelihood: 2, impact: 2, agreedLikelihood: 5, agreedImpact: 4 }),
				testThreat({ shapeId: store, likelihood: 3, impact: 3 }),
			],
			{ perElement: [] },
		)
		expect(badges.get(flow)).toMatchObject({ threatCount: 2, worstScore: 20 })
		expect(badges.get(flow)?.worstBand?.name).toBe('Critical')
		expect(badges.get(store)?.worstBand?.name).toBe('High')
	})

	it('ignores deleted threats', () => {
		const badges = elementBadges([testThreat({ shapeId: flow, isDeleted: true })], { perElement: [] })
		expect(badges.get(flow)).toBeUndefined()
	})

	it('marks elements with categories nobody has talked through, even without threats', () => {
		const badges = elementBadges([], {
			perElement: [{ elementId: store, applicable: ['T', 'I', 'D'], covered: ['T'], uncovered: ['I', 'D'] }],
		})
		expect(badges.get(store)).toMatchObject({ threatCount: 0, worstBand: null, uncoveredCount: 2 })
	})
})
