import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { arrowBinding, dfdShape, flowArrow, groupShape, pageRecord } from '../../tests/support/canvasRecords'
import { buildElementContexts } from '../analysis/suggestions'
import { dfdModelFromRecords } from './dfdModelFromRecords'

const page = pageRecord('main', 'Checkout')
const other = pageRecord('other', 'Admin')
const onPage = page.id as TLParentId

/** A customer on the internet posting to a web shop inside an internal trust boundary. */
function checkout() {
	const boundary = { ...dfdShape('dfd-boundary', onPage, { humanId: 'TB1', trustZone: 3, w: 400, h: 300 }), x: 300, y: 0 }
	const customer = { ...dfdShape('dfd-entity', onPage, { humanId: 'EE1', name: 'Customer', providesAuthentication: true }), x: 0, y: 100 }
	const shop = { ...dfdShape('dfd-process', onPage, { humanId: 'P1', name: 'Shop', isWebApplication: true }), x: 400, y: 100 }
	const flow = flowArrow(onPage, 'Order', { humanId: 'DF1', isEncrypted: true, protocol: 'HTTPS' })
	const records: TLRecord[] = [page, other, boundary, customer, shop, flow, arrowBinding(flow.id, customer.id, 'start'), arrowBinding(flow.id, shop.id, 'end')]
	return { records, boundary, customer, shop, flow }
}

describe('dfdModelFromRecords', () => {
	it('turns the elements of one page into nodes, flows and trust boundaries with their properties', () => {
		const { records, boundary, customer, shop, flow } = checkout()
		const model = dfdModelFromRecords(records, { pageId: page.id })
		expect(model.nodes).toEqual([
			{ id: customer.id, kind: 'entity', pageId: page.id, bounds: { x: 0, y: 100, w: 160, h: 80 }, props: { providesAuthentication: true } },
			expect.objectContaining({ id: shop.id, kind: 'process', props: expect.objectContaining({ isWebApplication: true }) }),
		])
		expect(model.flows).toEqual([
			{
				id: flow.id,
				sourceId: customer.id,
				targetId: shop.id,
				props: { protocol: 'HTTPS', isEncrypted: true, isPublicNetwork: false, isBidirectional: false },
			},
		])
		expect(model.boundaries).toEqual([{ id: boundary.id, zone: 3, pageId: page.id, bounds: { x: 300, y: 0, w: 400, h: 300 } }])
	})

	it('gives the suggestion rules a flow that crosses from the internet into the boundary', () => {
		const { records, flow } = checkout()
		const contexts = buildElementContexts(dfdModelFromRecords(records, { pageId: page.id }))
		expect(contexts.get(flow.id)).toMatchObject({ kind: 'flow', crossesBoundary: true, direction: 'up' })
	})

	it('leaves out the elements of other pages', () => {
		const { records } = checkout()
		const elsewhere = dfdShape('dfd-store', other.id as TLParentId, { humanId: 'DS1' })
		const model = dfdModelFromRecords([...records, elsewhere], { pageId: page.id })
		expect(model.nodes.map((node) => node.id)).not.toContain(elsewhere.id)
		expect(dfdModelFromRecords([...records, elsewhere], { pageId: other.id }).nodes.map((node) => node.id)).toEqual([elsewhere.id])
	})

	it('places a grouped element by its group’s position too', () => {
		const group = { ...groupShape(onPage), x: 1000, y: 50 }
		const store = { ...dfdShape('dfd-store', group.id, { humanId: 'DS1' }), x: 10, y: 20 }
		const model = dfdModelFromRecords([page, group, store], { pageId: page.id })
		expect(model.nodes[0]?.bounds).toEqual({ x: 1010, y: 70, w: 160, h: 70 })
	})

	it('uses the bounds the editor measures when it is given them', () => {
		const { records, customer } = checkout()
		const model = dfdModelFromRecords(records, { pageId: page.id, boundsOf: () => ({ x: 1, y: 2, w: 3, h: 4 }) })
		expect(model.nodes.find((node) => node.id === customer.id)?.bounds).toEqual({ x: 1, y: 2, w: 3, h: 4 })
	})
})
