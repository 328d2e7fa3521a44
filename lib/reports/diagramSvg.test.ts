import { describe, expect, it } from 'vitest'
import { diagramSvg } from './diagramSvg'
import type { Diagram } from './sessionModel'
import { HOSTILE_TITLE, modelElement as element, webShopModel } from '@/fixtures/sessionModel'

function diagram(index: number): Diagram {
	const found = webShopModel().diagrams[index]
	if (!found) throw new Error(`no diagram ${index}`)
	return found
}

describe('diagramSvg', () => {
	const checkout = diagramSvg(diagram(0))

	it('is a standalone image titled with the diagram’s name', () => {
		expect(checkout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
		expect(checkout).toContain('role="img"')
		expect(checkout).toContain('<title id="dfd-page-checkout-title">Data flow diagram: Checkout</title>')
		expect(checkout).toContain('2 × external entity, 1 × process, 2 × data store, 4 × data flow, 1 × trust boundary.')
	})

	it('draws an entity as a rectangle, a process as a circle, a store as two lines', () => {
		expect(checkout).toContain('<rect x="40" y="150" width="160" height="80" fill="#ffffff"')
		expect(checkout).toContain('<ellipse cx="420" cy="190" rx="60" ry="60"')
		expect(checkout).toContain('<line x1="620" y1="150" x2="780" y2="150"')
		expect(checkout).toContain('<line x1="620" y1="220" x2="780" y2="220"')
	})

	it('draws a multi-process as a double circle', () => {
		expect(diagramSvg(diagram(1)).match(/<ellipse cx="185" cy="165"/g)).toHaveLength(2)
	})

	it('draws a boundary as a dashed box labelled with its ID and zone', () => {
		expect(checkout).toContain('<rect x="320" y="100" width="500" height="300" rx="8" fill="none" stroke="#b91c1c" stroke-width="1.5" stroke-dasharray="8 5"/>')
		expect(checkout).toContain('>TB1 · Internal (zone 3)</tspan>')
	})

	it('draws a process whose box is not square as the ellipse the canvas shows', () => {
		const svg = diagramSvg({
			pageId: 'p',
			name: 'oval',
			source: null,
			elements: [element({ shapeId: 'a', kind: 'process', bounds: { x: 0, y: 0, w: 120, h: 80 } })],
		})
		expect(svg).toContain('<ellipse cx="60" cy="40" rx="60" ry="40"')
	})

	it('draws flows as arrows with their ID and label, both ways when bidirectional', () => {
		expect(checkout).toContain('<path d="M200,190 L360,190" fill="none" stroke="#334155" stroke-width="1.5" marker-end="url(#dfd-page-checkout-arrow)"/>')
		expect(checkout).toContain('>DF1 Checkout request</tspan>')
		expect(checkout).toContain('marker-end="url(#dfd-page-checkout-arrow)" marker-start="url(#dfd-page-checkout-arrow)"')
	})

	it('runs a flow without points from edge to edge of its ends', () => {
		// DF4: P1 (circle at 420,190 r 60) to DS2 (box centred 700,325).
		expect(checkout).toMatch(/<path d="M4\d\d(\.\d)?,2\d\d(\.\d)? L6\d\d(\.\d)?,\d\d\d(\.\d)?"/)
	})

	it('shows every human ID', () => {
		for (const humanId of ['EE1', 'EE2', 'P1', 'DS1', 'DS2', 'DF1', 'DF2', 'DF3', 'DF4', 'TB1']) expect(checkout).toContain(humanId)
	})

	it('greys out an out-of-scope element and says so in words', () => {
		const fulfil = diagramSvg(diagram(1))
		expect(fulfil).toContain('stroke="#94a3b8" stroke-dasharray="4 3"')
		expect(fulfil).toContain('>(out of scope)</tspan>')
		expect(fulfil).toContain('font-style="italic"')
	})

	it('draws a line boundary (from Threat Dragon) as a dashed polyline', () => {
		const svg = diagramSvg({
			pageId: 'p',
			name: 'line',
			source: null,
			elements: [
				element({
					shapeId: 'b',
					kind: 'boundary',
					humanId: 'TB1',
					name: 'Internet',
					points: [
						{ x: 0, y: 0 },
						{ x: 50, y: 100 },
						{ x: 0, y: 200 },
					],
				}),
			],
		})
		expect(svg).toContain('<polyline points="0,0 50,100 0,200" fill="none" stroke="#b91c1c"')
		expect(svg).toContain('>TB1</tspan>')
	})

	it('escapes every name, so a hostile one is only text', () => {
		const svg = diagramSvg({
			pageId: 'page:"><script>',
			name: '</title><script>alert(1)</script>',
			source: null,
			elements: [
				element({ shapeId: 'a', kind: 'process', humanId: 'P1', name: HOSTILE_TITLE }),
				element({
					shapeId: 'b',
					kind: 'flow',
					humanId: 'DF1',
					name: '"><svg onload=alert(1)>',
					points: [
						{ x: 0, y: 0 },
						{ x: 9, y: 9 },
					],
				}),
				element({ shapeId: 'c', kind: 'boundary', humanId: 'TB1', name: '<b>zone</b>', zone: 3 }),
			],
		})
		expect(svg).not.toMatch(/<script|<img|<svg onload|<b>/)
		// Wrapped over several lines, each escaped.
		expect(svg).toContain('>&lt;img</tspan>')
		expect(svg).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;')
		expect(svg).toContain('id="dfd-page----script--arrow"')
	})

	it('says so when the diagram is empty', () => {
		expect(diagramSvg({ pageId: 'p', name: 'Empty', source: null, elements: [] })).toContain('>Empty diagram</tspan>')
	})

	it('uses only system fonts and loads nothing from outside', () => {
		expect(checkout).toContain('font-family="system-ui,')
		expect(checkout).not.toMatch(/@import|@font-face|xlink:href|<image|https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
	})

	it('matches the golden file', async () => {
		await expect(checkout).toMatchFileSnapshot('./__golden__/web-shop-checkout.svg')
	})
})
