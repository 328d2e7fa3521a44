import { describe, expect, it } from 'vitest'
import { compareElements, compareThreatHumanIds } from './ordering'

describe('ordering', () => {
	it('sorts threat IDs by number, so T-1000 comes after T-999', () => {
		expect(['T-1000', 'T-010', 'T-999', 'T-002', ''].sort(compareThreatHumanIds)).toEqual(['T-002', 'T-010', 'T-999', 'T-1000', ''])
	})

	it('lists entities before processes, stores, flows, boundaries and notes, each by number', () => {
		const elements = [
			{ kind: 'flow', humanId: 'DF2', shapeId: 'a' },
			{ kind: 'text', humanId: '', shapeId: 'b' },
			{ kind: 'process', humanId: 'P10', shapeId: 'c' },
			{ kind: 'process', humanId: 'P2', shapeId: 'd' },
			{ kind: 'boundary', humanId: 'TB1', shapeId: 'e' },
			{ kind: 'entity', humanId: 'EE1', shapeId: 'f' },
		] as const
		expect([...elements].sort(compareElements).map((element) => element.humanId || element.kind)).toEqual(['EE1', 'P2', 'P10', 'DF2', 'TB1', 'text'])
	})
})
