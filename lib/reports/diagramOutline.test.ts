import { describe, expect, it } from 'vitest'
import { clipToEnds, isInside, outlineOf } from './diagramOutline'

const box = outlineOf({ kind: 'entity', bounds: { x: 0, y: 0, w: 100, h: 50 } })
const oval = outlineOf({ kind: 'process', bounds: { x: 200, y: 0, w: 100, h: 50 } })

describe('outlineOf', () => {
	it('gives processes the ellipse filling their box and every other shape its box', () => {
		expect(oval).toEqual({ kind: 'ellipse', cx: 250, cy: 25, rx: 50, ry: 25 })
		expect(outlineOf({ kind: 'store', bounds: { x: 1, y: 2, w: 3, h: 4 } })).toEqual({ kind: 'box', bounds: { x: 1, y: 2, w: 3, h: 4 } })
	})

	it('counts a point on the outline as outside, where a flow may end', () => {
		expect(isInside(box, { x: 100, y: 25 })).toBe(false)
		expect(isInside(oval, { x: 200, y: 25 })).toBe(false)
		expect(isInside(oval, { x: 201, y: 25 })).toBe(true)
		// The box's corner is outside the ellipse.
		expect(isInside(oval, { x: 202, y: 2 })).toBe(false)
	})
})

describe('clipToEnds', () => {
	it('cuts both ends of a centre-to-centre line at the outlines', () => {
		const [start, end] = clipToEnds(
			[
				{ x: 50, y: 25 },
				{ x: 250, y: 25 },
			],
			box,
			oval,
		)
		expect(start?.x).toBeCloseTo(100, 4)
		expect(end?.x).toBeCloseTo(200, 4)
	})

	it('keeps a line that already runs from outline to outline, and a loose end', () => {
		expect(
			clipToEnds(
				[
					{ x: 100, y: 25 },
					{ x: 200, y: 25 },
				],
				box,
				oval,
			),
		).toEqual([
			{ x: 100, y: 25 },
			{ x: 200, y: 25 },
		])
		expect(
			clipToEnds(
				[
					{ x: 50, y: 25 },
					{ x: 150, y: 25 },
				],
				null,
				oval,
			),
		).toEqual([
			{ x: 50, y: 25 },
			{ x: 150, y: 25 },
		])
	})

	it('drops bends that lie inside the target', () => {
		const clipped = clipToEnds(
			[
				{ x: 100, y: 25 },
				{ x: 150, y: 25 },
				{ x: 240, y: 20 },
				{ x: 250, y: 25 },
			],
			box,
			oval,
		)
		expect(clipped).toHaveLength(3)
		const end = clipped[2] ?? { x: 0, y: 0 }
		expect(((end.x - 250) / 50) ** 2 + ((end.y - 25) / 25) ** 2).toBeCloseTo(1, 4)
	})
})
