import { describe, expect, it } from 'vitest'
import { ELEMENT_KINDS, type ElementKind } from './elementKind'
import { applicableCategories } from './frameworkCatalog'
import { FRAMEWORKS } from '@/lib/sessionEnums'
import type { FrameworkId } from './frameworkTypes'

/**
 * The whole framework × element-kind matrix, written out by hand from docs/frameworks.md so a
 * change to any mapping has to be made twice on purpose. A store is listed as an ordinary store
 * here; log stores and the PLOT4ai opt-out have their own tests below.
 */
const EXPECTED: Record<FrameworkId, Record<ElementKind, readonly string[]>> = {
	STRIDE: {
		entity: ['S', 'R'],
		process: ['S', 'T', 'R', 'I', 'D', 'E'],
		multiprocess: ['S', 'T', 'R', 'I', 'D', 'E'],
		store: ['T', 'I', 'D'],
		flow: ['T', 'I', 'D'],
		boundary: [],
		text: [],
	},
	LINDDUN: {
		entity: ['L', 'I', 'U'],
		process: ['L', 'I', 'Nr', 'D', 'Dd', 'Nc'],
		multiprocess: ['L', 'I', 'Nr', 'D', 'Dd', 'Nc'],
		store: ['L', 'I', 'Nr', 'D', 'Dd', 'Nc'],
		flow: ['L', 'I', 'Nr', 'D', 'Dd', 'Nc'],
		boundary: [],
		text: [],
	},
	CIA: {
		entity: ['C', 'I', 'A'],
		process: ['C', 'I', 'A'],
		multiprocess: ['C', 'I', 'A'],
		store: ['C', 'I', 'A'],
		flow: ['C', 'I', 'A'],
		boundary: [],
		text: [],
	},
	DIE: {
		entity: [],
		process: ['D', 'I', 'E'],
		multiprocess: ['D', 'I', 'E'],
		store: ['D', 'I', 'E'],
		flow: ['D'],
		boundary: [],
		text: [],
	},
	PLOT4ai: {
		entity: [],
		process: ['data', 'transparency', 'privacy', 'cybersecurity', 'safety', 'bias', 'ethics', 'accountability'],
		multiprocess: ['data', 'transparency', 'privacy', 'cybersecurity', 'safety', 'bias', 'ethics', 'accountability'],
		store: [],
		flow: [],
		boundary: [],
		text: [],
	},
}

describe('applicableCategories', () => {
	for (const framework of FRAMEWORKS) {
		for (const kind of ELEMENT_KINDS) {
			it(`gives a ${kind} the ${framework} categories ${JSON.stringify(EXPECTED[framework][kind])}`, () => {
				expect(applicableCategories(framework, { kind })).toEqual(EXPECTED[framework][kind])
			})
		}
	}

	it('adds Repudiation to a store only when the store is a log', () => {
		expect(applicableCategories('STRIDE', { kind: 'store', isLog: true })).toEqual(['T', 'R', 'I', 'D'])
		expect(applicableCategories('STRIDE', { kind: 'store', isLog: false })).toEqual(['T', 'I', 'D'])
	})

	it('ignores the log flag on anything that is not a store', () => {
		expect(applicableCategories('STRIDE', { kind: 'flow', isLog: true })).toEqual(['T', 'I', 'D'])
		expect(applicableCategories('STRIDE', { kind: 'entity', isLog: true })).toEqual(['S', 'R'])
	})

	it('does not change LINDDUN, CIA or DIE for a log store', () => {
		for (const framework of ['LINDDUN', 'CIA', 'DIE'] as const) {
			expect(applicableCategories(framework, { kind: 'store', isLog: true })).toEqual(EXPECTED[framework].store)
		}
	})

	it('asks PLOT4ai of every process unless the process is marked as not using AI', () => {
		expect(applicableCategories('PLOT4ai', { kind: 'process', processesAi: true })).toHaveLength(8)
		expect(applicableCategories('PLOT4ai', { kind: 'process', processesAi: false })).toEqual([])
		expect(applicableCategories('PLOT4ai', { kind: 'multiprocess', processesAi: false })).toEqual([])
	})

	it('does not give PLOT4ai categories to a store or flow even when marked as AI', () => {
		expect(applicableCategories('PLOT4ai', { kind: 'store', processesAi: true })).toEqual([])
		expect(applicableCategories('PLOT4ai', { kind: 'flow', processesAi: true })).toEqual([])
	})
})
