import { describe, expect, it } from 'vitest'
import { nextWalkStep, previousWalkStep, type WalkElement, walkOrder } from './walkOrder'

const el = (humanId: string, kind: WalkElement['kind'], extra: Partial<WalkElement> = {}): WalkElement => ({
	id: `shape:${humanId || kind}`,
	kind,
	humanId,
	outOfScope: false,
	...extra,
})

describe('walkOrder', () => {
	it('walks entities, boundary-crossing flows, processes, stores, then other flows', () => {
		const steps = walkOrder([el('DF2', 'flow'), el('DS1', 'store'), el('P1', 'process'), el('DF1', 'flow', { crossesBoundary: true }), el('EE1', 'entity')])
		expect(steps.map((step) => step.humanId)).toEqual(['EE1', 'DF1', 'P1', 'DS1', 'DF2'])
		expect(steps.map((step) => step.group)).toEqual(['entities', 'boundaryFlows', 'processes', 'stores', 'internalFlows'])
	})

	it('sorts within a group by the number in the human ID', () => {
		const steps = walkOrder([el('EE10', 'entity'), el('EE2', 'entity'), el('EE1', 'entity')])
		expect(steps.map((step) => step.humanId)).toEqual(['EE1', 'EE2', 'EE10'])
	})

	it('puts multi-processes in the process group, after the plain processes', () => {
		const steps = walkOrder([el('MP1', 'multiprocess'), el('P12', 'process'), el('P3', 'process'), el('DS1', 'store')])
		expect(steps.map((step) => step.humanId)).toEqual(['P3', 'P12', 'MP1', 'DS1'])
	})

	it('keeps out-of-scope elements in place, marked skipped', () => {
		const steps = walkOrder([el('P2', 'process'), el('P1', 'process', { outOfScope: true })])
		expect(steps.map((step) => [step.humanId, step.skipped])).toEqual([
			['P1', true],
			['P2', false],
		])
	})

	it('leaves boundaries and text out of the walk', () => {
		const steps = walkOrder([el('TB1', 'boundary'), el('', 'text'), el('EE1', 'entity')])
		expect(steps.map((step) => step.humanId)).toEqual(['EE1'])
	})

	it('puts elements whose human ID is not stamped yet at the end of their group', () => {
		const steps = walkOrder([el('', 'process', { id: 'shape:new' }), el('P1', 'process')])
		expect(steps.map((step) => step.id)).toEqual(['shape:P1', 'shape:new'])
	})
})

describe('walk navigation', () => {
	const steps = walkOrder([el('EE1', 'entity'), el('P1', 'process', { outOfScope: true }), el('DS1', 'store')])

	it('starts at the first step that is not skipped', () => {
		expect(nextWalkStep(steps, null)?.humanId).toBe('EE1')
	})

	it('moves past skipped steps in both directions', () => {
		expect(nextWalkStep(steps, 'shape:EE1')?.humanId).toBe('DS1')
		expect(previousWalkStep(steps, 'shape:DS1')?.humanId).toBe('EE1')
	})

	it('stops at either end', () => {
		expect(nextWalkStep(steps, 'shape:DS1')).toBeNull()
		expect(previousWalkStep(steps, 'shape:EE1')).toBeNull()
	})
})
