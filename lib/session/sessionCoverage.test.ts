import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { DfdElement } from '../dfd/dfdElementSchema'
import { naMarkRecord } from './recordFactories'
import { coverageText, sessionCoverage } from './sessionCoverage'
import { testThreat } from '@/fixtures/workshopRecords'

const element = (shapeId: string, kind: DfdElement['kind'], extra: Partial<DfdElement> = {}): DfdElement => ({
	shapeId,
	humanId: shapeId.toUpperCase(),
	kind,
	name: '',
	description: '',
	outOfScope: false,
	reasonOutOfScope: '',
	properties: {},
	pageId: 'page:main',
	sourceShapeId: null,
	targetShapeId: null,
	...extra,
})

const flow = 'shape:flow' as TLShapeId

describe('sessionCoverage', () => {
	it('counts a category covered by a threat or an n/a mark, over the in-scope elements', () => {
		const coverage = sessionCoverage(
			'STRIDE',
			[element(flow, 'flow'), element('shape:ee', 'entity'), element('shape:old', 'process', { outOfScope: true })],
			[testThreat({ shapeId: flow, categories: ['T', 'I'] })],
			[naMarkRecord(flow, 'D', 'Rate limited at the edge')],
		)
		expect({ covered: coverage.covered, applicable: coverage.applicable }).toEqual({ covered: 3, applicable: 5 })
	})

	it('does not count deleted threats', () => {
		const coverage = sessionCoverage('STRIDE', [element(flow, 'flow')], [testThreat({ shapeId: flow, isDeleted: true })], [])
		expect(coverage.covered).toBe(0)
	})

	it('does not count a model-level threat as covering any element, whatever its categories', () => {
		const coverage = sessionCoverage('STRIDE', [element(flow, 'flow')], [testThreat({ shapeId: null, categories: ['T', 'I', 'D'] })], [])
		expect(coverage.covered).toBe(0)
	})

	it('does not count an "Other" threat as covering a framework category of its element', () => {
		const coverage = sessionCoverage('STRIDE', [element(flow, 'flow')], [testThreat({ shapeId: flow, categories: ['other'] })], [])
		expect({ covered: coverage.covered, uncovered: coverage.perElement[0]?.uncovered }).toEqual({ covered: 0, uncovered: ['T', 'I', 'D'] })
		const mixed = sessionCoverage('STRIDE', [element(flow, 'flow')], [testThreat({ shapeId: flow, categories: ['other', 'T'] })], [])
		expect(mixed.covered).toBe(1)
	})

	it('asks about repudiation on a store that is a log', () => {
		const coverage = sessionCoverage('STRIDE', [element('shape:log', 'store', { properties: { isALog: true } })], [], [])
		expect(coverage.perElement[0]?.applicable).toEqual(['T', 'R', 'I', 'D'])
	})
})

describe('coverageText', () => {
	it('reads “covered / applicable · percent”, rounding the percentage down', () => {
		expect(coverageText({ covered: 7, applicable: 24, empty: false })).toBe('7 / 24 · 29 %')
		expect(coverageText({ covered: 23, applicable: 24, empty: false })).toBe('23 / 24 · 95 %')
	})

	it('says there is nothing to cover on an empty board', () => {
		expect(coverageText({ covered: 0, applicable: 0, empty: true })).toBe('Nothing to cover yet')
	})
})
