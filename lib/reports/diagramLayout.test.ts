import { describe, expect, it } from 'vitest'
import type { Bounds } from '@/lib/analysis/trustZones'
import { diagramSvg } from './diagramSvg'
import type { Diagram, ModelElement, Point } from './sessionModel'
import { modelElement as element, webShopModel } from '@/fixtures/sessionModel'

// What a reader of the exported SVG sees: which way each flow goes, every label readable.

function intersects(a: Bounds, b: Bounds): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

const diagramOf = (elements: ModelElement[]): Diagram => ({ pageId: 'p', name: 'layout', source: null, elements })

/** Every flow line's points, in document order. */
function flowLines(svg: string): Point[][] {
	return [...svg.matchAll(/<path d="(M[^"]+)" fill="none"/g)].map((match) =>
		(match[1] ?? '').split(' ').map((step) => {
			const [x = 0, y = 0] = step.slice(1).split(',').map(Number)
			return { x, y }
		}),
	)
}

/** The box a text element takes, estimated as the renderer does (0.6 em per glyph, 1.2 em lines). */
function textBox(svg: string, containing: string): Bounds {
	const text = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="(\d+)" text-anchor="(\w+)"[^>]*>(.*?)<\/text>/g)].find((match) =>
		(match[5] ?? '').includes(containing),
	)
	if (!text) throw new Error(`no text ${containing}`)
	const [, x = '0', y = '0', size = '12', anchor, spans = ''] = text
	const lines = [...spans.matchAll(/>([^<]*)<\/tspan>/g)].map((line) => line[1] ?? '')
	const w = Math.max(...lines.map((line) => line.length)) * Number(size) * 0.6
	const left = anchor === 'middle' ? Number(x) - w / 2 : Number(x)
	return { x: left, y: Number(y) - Number(size) * 0.9, w, h: lines.length * Number(size) * 1.2 }
}

describe('diagramSvg layout', () => {
	it('ends a flow drawn centre to centre (a precise binding, an import) on its target’s outline, not inside it', () => {
		const entity = element({ shapeId: 'ee', kind: 'entity', bounds: { x: 0, y: 0, w: 100, h: 60 } })
		const process = element({ shapeId: 'p', kind: 'process', bounds: { x: 300, y: 0, w: 80, h: 80 } })
		const store = element({ shapeId: 'ds', kind: 'store', bounds: { x: 300, y: 200, w: 120, h: 50 } })
		const toProcess = element({
			shapeId: 'f1',
			kind: 'flow',
			sourceShapeId: 'ee',
			targetShapeId: 'p',
			points: [
				{ x: 50, y: 30 },
				{ x: 340, y: 40 },
			],
		})
		const toStore = element({
			shapeId: 'f2',
			kind: 'flow',
			sourceShapeId: 'p',
			targetShapeId: 'ds',
			points: [
				{ x: 340, y: 40 },
				{ x: 200, y: 120 },
				{ x: 360, y: 225 },
			],
		})
		const [first, second] = flowLines(diagramSvg(diagramOf([entity, process, store, toProcess, toStore])))

		const start = first?.[0]
		const end = first?.at(-1)
		expect(start?.x).toBeCloseTo(100, 0)
		// On the circle of radius 40 around (340, 40), to the 0.1 px the file is written with.
		expect(Math.hypot((end?.x ?? 0) - 340, (end?.y ?? 0) - 40)).toBeCloseTo(40, 0)
		// A bent flow keeps its bend, leaves the process's outline and ends on the store's top.
		expect(second).toHaveLength(3)
		expect(Math.hypot((second?.[0]?.x ?? 0) - 340, (second?.[0]?.y ?? 0) - 40)).toBeCloseTo(40, 0)
		expect(second?.[1]).toEqual({ x: 200, y: 120 })
		expect(second?.[2]?.y).toBeCloseTo(200, 0)
	})

	it('paints boundaries, then elements, then flows with their arrowheads, then the labels', () => {
		const svg = diagramSvg(webShopModel().diagrams[0] as Diagram)
		const body = svg.slice(svg.indexOf('</defs>'))
		const lastShape = Math.max(...['<ellipse', '<rect x="620" y="290"', '<line x1="620" y1="360"', '<rect x="340" y="460"'].map((tag) => body.lastIndexOf(tag)))
		const firstFlow = body.indexOf('marker-end=')
		const lastFlow = body.lastIndexOf('marker-end=')
		expect(body.indexOf('stroke-dasharray="8 5"')).toBeLessThan(body.indexOf('<ellipse'))
		expect(lastShape).toBeLessThan(firstFlow)
		expect(lastFlow).toBeLessThan(body.indexOf('>DF1 Checkout request<'))
		expect(lastFlow).toBeLessThan(body.indexOf('>TB1 · Internal (zone 3)<'))
	})

	it('moves a flow’s label clear of the shapes it connects when the gap between them is too short for it', () => {
		const entity = element({ shapeId: 'ee', kind: 'entity', humanId: 'EE1', bounds: { x: 0, y: 100, w: 100, h: 60 } })
		const store = element({ shapeId: 'ds', kind: 'store', humanId: 'DS1', bounds: { x: 160, y: 100, w: 100, h: 60 } })
		const flow = element({ shapeId: 'f', kind: 'flow', humanId: 'DF1', name: 'Customer order with card details', sourceShapeId: 'ee', targetShapeId: 'ds' })
		const svg = diagramSvg(diagramOf([entity, store, flow]))
		const label = textBox(svg, 'DF1 Customer')
		expect(intersects(label, entity.bounds)).toBe(false)
		expect(intersects(label, store.bounds)).toBe(false)
		// Still beside its flow, not anywhere.
		expect(label.y + label.h).toBeGreaterThan(40)
	})

	it('keeps a boundary’s name clear of an element whose border runs through its corner', () => {
		const boundary = element({ shapeId: 'tb', kind: 'boundary', humanId: 'TB1', name: 'Internal network', zone: 3, bounds: { x: 0, y: 0, w: 400, h: 300 } })
		const entity = element({ shapeId: 'ee', kind: 'entity', humanId: 'EE1', bounds: { x: -20, y: 10, w: 120, h: 60 } })
		const label = textBox(diagramSvg(diagramOf([boundary, entity])), 'TB1 · Internal')
		expect(intersects(label, entity.bounds)).toBe(false)
		expect(intersects(label, boundary.bounds)).toBe(true)
	})
})
