import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { arrowBinding, dfdShape, flowArrow, groupShape, noteShape, pageRecord } from '../../tests/support/canvasRecords'
import { dfdElementSchema } from './dfdElementSchema'
import { extractElements } from './extractElements'

const page = pageRecord('main', 'Checkout')
const onPage = page.id as TLParentId

function snapshotOf(...records: TLRecord[]) {
	return { documents: [page, ...records].map((state) => ({ state, lastChangedClock: 1 })) }
}

describe('extractElements', () => {
	it('projects each kind with its own properties', () => {
		const entity = dfdShape('dfd-entity', onPage, { humanId: 'EE1', name: 'Customer', providesAuthentication: true })
		const process = dfdShape('dfd-process', onPage, {
			humanId: 'P1',
			name: 'Web shop',
			privilegeLevel: 'elevated',
			isWebApplication: true,
			aiModel: 'yes',
		})
		const multi = dfdShape('dfd-multiprocess', onPage, { humanId: 'MP1', name: 'Workers' })
		const store = dfdShape('dfd-store', onPage, {
			humanId: 'DS1',
			name: 'Orders',
			storesCredentials: true,
			isALog: false,
			isEncrypted: true,
			isSigned: false,
		})
		const boundary = dfdShape('dfd-boundary', onPage, {
			humanId: 'TB1',
			name: 'DMZ',
			trustZone: 2,
			outOfScope: true,
			reasonOutOfScope: 'Run by the hosting provider',
			description: 'Everything behind the load balancer',
		})

		const elements = extractElements(snapshotOf(entity, process, multi, store, boundary))

		const common = { pageId: page.id, sourceShapeId: null, targetShapeId: null }
		expect(elements).toEqual([
			{
				...common,
				shapeId: entity.id,
				humanId: 'EE1',
				kind: 'entity',
				name: 'Customer',
				description: '',
				outOfScope: false,
				reasonOutOfScope: '',
				properties: { providesAuthentication: true },
			},
			expect.objectContaining({
				shapeId: process.id,
				kind: 'process',
				name: 'Web shop',
				properties: { privilegeLevel: 'elevated', isWebApplication: true, aiModel: 'yes' },
			}),
			expect.objectContaining({
				kind: 'multiprocess',
				properties: { privilegeLevel: 'standard', isWebApplication: false, aiModel: 'unknown' },
			}),
			expect.objectContaining({
				kind: 'store',
				properties: { storesCredentials: true, isALog: false, isEncrypted: true, isSigned: false },
			}),
			{
				...common,
				shapeId: boundary.id,
				humanId: 'TB1',
				kind: 'boundary',
				name: 'DMZ',
				description: 'Everything behind the load balancer',
				outOfScope: true,
				reasonOutOfScope: 'Run by the hosting provider',
				properties: { trustZone: 2 },
			},
		])
		for (const element of elements) expect(dfdElementSchema.parse(element)).toEqual(element)
	})

	it('names a flow by its label and connects it to the elements its ends are bound to', () => {
		const browser = dfdShape('dfd-entity', onPage, { humanId: 'EE1' })
		const shop = dfdShape('dfd-process', onPage, { humanId: 'P1' })
		const flow = flowArrow(onPage, 'Card number', {
			humanId: 'DF1',
			protocol: 'HTTPS',
			isEncrypted: true,
			isPublicNetwork: true,
			description: 'PAN and CVV',
		})

		const elements = extractElements(snapshotOf(browser, shop, flow, arrowBinding(flow.id, browser.id, 'start'), arrowBinding(flow.id, shop.id, 'end')))

		expect(elements.find((element) => element.kind === 'flow')).toEqual({
			shapeId: flow.id,
			humanId: 'DF1',
			kind: 'flow',
			name: 'Card number',
			description: 'PAN and CVV',
			outOfScope: false,
			reasonOutOfScope: '',
			properties: { protocol: 'HTTPS', isEncrypted: true, isPublicNetwork: true, isBidirectional: false },
			pageId: page.id,
			sourceShapeId: browser.id,
			targetShapeId: shop.id,
		})
	})

	it('leaves a flow end open when it is unbound or bound to something that is not an element', () => {
		const note = noteShape(onPage)
		const flow = flowArrow(onPage, '', { humanId: 'DF1' })

		const [element] = extractElements(snapshotOf(note, flow, arrowBinding(flow.id, note.id, 'end')))

		expect(element).toMatchObject({ kind: 'flow', name: '', sourceShapeId: null, targetShapeId: null })
	})

	it('finds the page of shapes nested in groups', () => {
		const other = pageRecord('other', 'Admin')
		const outer = groupShape(other.id as TLParentId)
		const inner = groupShape(outer.id)
		const process = dfdShape('dfd-process', inner.id, { humanId: 'P2' })

		const [element] = extractElements(snapshotOf(other, outer, inner, process))

		expect(element).toMatchObject({ humanId: 'P2', pageId: other.id })
	})

	it('skips text and notes, shapes not stamped yet, and shapes on no page', () => {
		const unstamped = dfdShape('dfd-process', onPage, { humanId: '' })
		const orphan = dfdShape('dfd-process', 'shape:gone' as TLParentId, { humanId: 'P3' })
		const unstampedFlow = flowArrow(onPage, 'x', null)

		expect(extractElements(snapshotOf(noteShape(onPage), unstamped, orphan, unstampedFlow))).toEqual([])
	})

	it('keeps one element per human ID so the app never receives a save it must refuse', () => {
		const first = dfdShape('dfd-process', onPage, { humanId: 'P1', name: 'first' })
		const second = dfdShape('dfd-process', onPage, { humanId: 'P1', name: 'second' })

		expect(extractElements(snapshotOf(first, second)).map((element) => element.name)).toEqual(['first'])
	})
})
