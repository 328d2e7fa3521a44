import { describe, expect, it } from 'vitest'
import { computeCoverage } from './coverage'

const process = { id: 'p1', kind: 'process', outOfScope: false } as const
const flow = { id: 'f1', kind: 'flow', outOfScope: false } as const
const entity = { id: 'e1', kind: 'entity', outOfScope: false } as const

describe('computeCoverage', () => {
	it('counts applicable categories over all in-scope elements', () => {
		const coverage = computeCoverage({ framework: 'STRIDE', elements: [process, flow, entity], threats: [], naMarks: [] })
		expect(coverage).toMatchObject({ covered: 0, applicable: 6 + 3 + 2, ratio: 0, empty: false })
	})

	it('covers a category with a threat or with an n/a mark', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [flow],
			threats: [{ elementId: 'f1', categories: ['T'] }],
			naMarks: [{ elementId: 'f1', category: 'D' }],
		})
		expect(coverage.covered).toBe(2)
		expect(coverage.ratio).toBeCloseTo(2 / 3)
		expect(coverage.perElement).toEqual([{ elementId: 'f1', applicable: ['T', 'I', 'D'], covered: ['T', 'D'], uncovered: ['I'] }])
	})

	it('counts a category once however many threats and marks it has', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [flow],
			threats: [
				{ elementId: 'f1', categories: ['T', 'I'] },
				{ elementId: 'f1', categories: ['T'] },
			],
			naMarks: [{ elementId: 'f1', category: 'T' }],
		})
		expect(coverage.covered).toBe(2)
	})

	it('ignores threats and marks for categories that do not apply to the element', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [flow],
			threats: [{ elementId: 'f1', categories: ['S', 'E', 'L'] }],
			naMarks: [{ elementId: 'f1', category: 'R' }],
		})
		expect(coverage.covered).toBe(0)
	})

	it('ignores threats and marks for unknown elements', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [flow],
			threats: [{ elementId: 'ghost', categories: ['T'] }],
			naMarks: [{ elementId: 'ghost', category: 'I' }],
		})
		expect(coverage.covered).toBe(0)
	})

	it('leaves out-of-scope elements out of both sides of the ratio', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [flow, { ...process, outOfScope: true }],
			threats: [{ elementId: 'p1', categories: ['S', 'T'] }],
			naMarks: [],
		})
		expect(coverage).toMatchObject({ covered: 0, applicable: 3 })
		expect(coverage.perElement.map((element) => element.elementId)).toEqual(['f1'])
	})

	it('lets boundaries and text contribute nothing', () => {
		const coverage = computeCoverage({
			framework: 'CIA',
			elements: [flow, { id: 'b1', kind: 'boundary', outOfScope: false }, { id: 't1', kind: 'text', outOfScope: false }],
			threats: [{ elementId: 'b1', categories: ['C'] }],
			naMarks: [],
		})
		expect(coverage).toMatchObject({ covered: 0, applicable: 3 })
		expect(coverage.perElement).toHaveLength(1)
	})

	it('adds Repudiation to the grid for a log store', () => {
		const coverage = computeCoverage({
			framework: 'STRIDE',
			elements: [{ id: 's1', kind: 'store', outOfScope: false, isLog: true }],
			threats: [{ elementId: 's1', categories: ['R'] }],
			naMarks: [],
		})
		expect(coverage).toMatchObject({ covered: 1, applicable: 4, ratio: 0.25 })
	})

	it('reaches a ratio of 1 when every applicable category is covered', () => {
		const coverage = computeCoverage({
			framework: 'DIE',
			elements: [flow, entity],
			threats: [],
			naMarks: [{ elementId: 'f1', category: 'D' }],
		})
		expect(coverage).toMatchObject({ covered: 1, applicable: 1, ratio: 1, empty: false })
	})

	it('reports a ratio of 1 and empty when nothing is applicable', () => {
		expect(computeCoverage({ framework: 'STRIDE', elements: [], threats: [], naMarks: [] })).toMatchObject({
			covered: 0,
			applicable: 0,
			ratio: 1,
			empty: true,
			perElement: [],
		})
		expect(computeCoverage({ framework: 'DIE', elements: [entity], threats: [], naMarks: [] }).empty).toBe(true)
	})

	it('counts an element listed twice only once', () => {
		const coverage = computeCoverage({ framework: 'STRIDE', elements: [flow, flow], threats: [], naMarks: [] })
		expect(coverage.applicable).toBe(3)
	})
})
