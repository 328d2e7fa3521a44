import { describe, expect, it } from 'vitest'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { saveCanvasBody } from './internalSchemas'

function element(overrides: Partial<DfdElement> = {}): DfdElement {
	return {
		shapeId: 'shape:a',
		humanId: 'P1',
		kind: 'process',
		name: 'Checkout',
		description: '',
		outOfScope: false,
		reasonOutOfScope: '',
		properties: { technology: 'node', replicas: 2, authenticated: true, owner: null },
		pageId: 'page:main',
		sourceShapeId: null,
		targetShapeId: null,
		...overrides,
	}
}

const body = { snapshot: { documents: [], schema: {} }, clock: 3, humanIdCounters: { P: 1 }, elements: [element()] }

describe('saveCanvasBody', () => {
	it('accepts a snapshot, a clock, counters and elements', () => {
		expect(saveCanvasBody.parse(body)).toEqual(body)
	})

	it('rejects a negative or fractional clock and negative counters', () => {
		expect(saveCanvasBody.safeParse({ ...body, clock: -1 }).success).toBe(false)
		expect(saveCanvasBody.safeParse({ ...body, clock: 1.5 }).success).toBe(false)
		expect(saveCanvasBody.safeParse({ ...body, humanIdCounters: { P: -1 } }).success).toBe(false)
	})

	it('rejects a snapshot that is not a JSON object', () => {
		expect(saveCanvasBody.safeParse({ ...body, snapshot: [] }).success).toBe(false)
		expect(saveCanvasBody.safeParse({ ...body, snapshot: null }).success).toBe(false)
	})

	it('rejects an unknown element kind and nested property values', () => {
		expect(saveCanvasBody.safeParse({ ...body, elements: [{ ...element(), kind: 'actor' }] }).success).toBe(false)
		const nested = { ...element(), properties: { nested: { a: 1 } } }
		expect(saveCanvasBody.safeParse({ ...body, elements: [nested] }).success).toBe(false)
	})

	it('points at the duplicate when two elements share a shape id or a human id', () => {
		const result = saveCanvasBody.safeParse({
			...body,
			elements: [element(), element({ humanId: 'P2' }), element({ shapeId: 'shape:c' })],
		})
		expect(result.success).toBe(false)
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['elements.1.shapeId', 'Duplicate shapeId'],
			['elements.2.humanId', 'Duplicate humanId'],
		])
	})

	it('keeps the source and target of a flow', () => {
		const flow = element({ shapeId: 'shape:f', humanId: 'DF1', kind: 'flow', sourceShapeId: 'shape:a', targetShapeId: 'shape:b' })
		expect(saveCanvasBody.parse({ ...body, elements: [flow] }).elements[0]).toEqual(flow)
	})
})
