import { describe, expect, it } from 'vitest'
import { analyseTrustZones, flowCrossing, type PlacedElement, placeElement, type ZoneBoundary } from './trustZones'

const PAGE = 'page:main'
const boundary = (id: string, zone: ZoneBoundary['zone'], x: number, y: number, w: number, h: number, pageId = PAGE): ZoneBoundary => ({
	id,
	zone,
	bounds: { x, y, w, h },
	pageId,
})
const element = (id: string, x: number, y: number, pageId = PAGE): PlacedElement => ({
	id,
	bounds: { x, y, w: 20, h: 20 },
	pageId,
})

// A DMZ (zone 2) and an internal network (zone 3) side by side, a PCI zone (5) nested in the internal one.
const dmz = boundary('tb:dmz', 2, 0, 0, 100, 100)
const internal = boundary('tb:internal', 3, 200, 0, 400, 400)
const pci = boundary('tb:pci', 5, 250, 50, 100, 100)
const boundaries = [dmz, internal, pci]

describe('placeElement', () => {
	it('puts an element outside every boundary in zone 0, the internet', () => {
		expect(placeElement(element('e', 1000, 1000), boundaries)).toEqual({ zone: 0, boundaryIds: [] })
	})

	it('takes the zone of the boundary containing its centre', () => {
		expect(placeElement(element('p', 40, 40), boundaries).zone).toBe(2)
	})

	it('takes the zone of the smallest containing boundary when boundaries nest', () => {
		expect(placeElement(element('db', 290, 90), boundaries)).toEqual({ zone: 5, boundaryIds: ['tb:pci', 'tb:internal'] })
	})

	it('decides by the centre when an element straddles a boundary line', () => {
		expect(placeElement(element('p', 85, 40), boundaries).zone).toBe(2) // centre 95,50: inside
		expect(placeElement(element('p', 95, 40), boundaries).zone).toBe(0) // centre 105,50: outside
	})

	it('counts a centre exactly on the edge as inside', () => {
		expect(placeElement(element('p', 90, 40), boundaries).zone).toBe(2) // centre 100,50
	})

	it('ignores boundaries on other pages', () => {
		expect(placeElement(element('p', 40, 40, 'page:other'), boundaries).zone).toBe(0)
	})
})

describe('flowCrossing', () => {
	const internet = placeElement(element('user', 1000, 1000), boundaries)
	const web = placeElement(element('web', 40, 40), boundaries)
	const api = placeElement(element('api', 500, 300), boundaries)
	const cards = placeElement(element('cards', 290, 90), boundaries)

	it('goes up from a lower to a higher zone', () => {
		expect(flowCrossing(internet, web)).toEqual({ crossesBoundary: true, direction: 'up', sourceZone: 0, targetZone: 2 })
	})

	it('goes down from a higher to a lower zone', () => {
		expect(flowCrossing(cards, api)).toMatchObject({ crossesBoundary: true, direction: 'down' })
	})

	it('crosses nothing between two elements in the same boundary', () => {
		const worker = placeElement(element('worker', 450, 250), boundaries)
		expect(flowCrossing(api, worker)).toEqual({ crossesBoundary: false, direction: 'same', sourceZone: 3, targetZone: 3 })
	})

	it('crosses a boundary between two separate boxes of the same zone', () => {
		const other = boundary('tb:partner', 2, 0, 500, 100, 100)
		const a = placeElement(element('a', 40, 40), [dmz, other])
		const b = placeElement(element('b', 40, 540), [dmz, other])
		expect(flowCrossing(a, b)).toMatchObject({ crossesBoundary: true, direction: 'same' })
	})

	it('crosses nothing between two elements both outside every boundary', () => {
		expect(flowCrossing(internet, internet).crossesBoundary).toBe(false)
	})
})

describe('analyseTrustZones', () => {
	it('places every element and analyses the flows bound at both ends', () => {
		const analysis = analyseTrustZones({
			boundaries,
			elements: [element('user', 1000, 1000), element('web', 40, 40)],
			flows: [
				{ id: 'f1', sourceId: 'user', targetId: 'web' },
				{ id: 'f2', sourceId: 'web', targetId: null },
				{ id: 'f3', sourceId: 'web', targetId: 'deleted' },
			],
		})
		expect(analysis.elements.get('web')?.zone).toBe(2)
		expect(analysis.flows.get('f1')?.direction).toBe('up')
		expect(analysis.flows.has('f2')).toBe(false)
		expect(analysis.flows.has('f3')).toBe(false)
	})
})
