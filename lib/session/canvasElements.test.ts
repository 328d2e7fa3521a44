import type { TLParentId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { dfdShape, flowArrow, pageRecord } from '../../tests/support/canvasRecords'
import { canvasElements, elementLabel, isLogStore } from './canvasElements'

const page = pageRecord('main', 'Checkout')
const onPage = page.id as TLParentId

describe('canvasElements', () => {
	it('lists the stamped DFD elements of the store and skips ones the room has not numbered yet', () => {
		const process = dfdShape('dfd-process', onPage, { humanId: 'P1', name: 'API' })
		const fresh = dfdShape('dfd-process', onPage, { humanId: '' })
		const flow = flowArrow(onPage, 'Login request', { humanId: 'DF1' })
		expect(canvasElements([page, process, fresh, flow]).map((element) => [element.humanId, element.name])).toEqual([
			['P1', 'API'],
			['DF1', 'Login request'],
		])
	})
})

describe('elementLabel', () => {
	it('joins the ID and the name, or shows the ID alone', () => {
		expect(elementLabel({ humanId: 'DF1', name: 'Login request' })).toBe('DF1 · Login request')
		expect(elementLabel({ humanId: 'P2', name: '  ' })).toBe('P2')
	})
})

describe('isLogStore', () => {
	it('is true only for a store marked as a log', () => {
		expect(isLogStore({ kind: 'store', properties: { isALog: true } })).toBe(true)
		expect(isLogStore({ kind: 'store', properties: { isALog: false } })).toBe(false)
		expect(isLogStore({ kind: 'process', properties: { isALog: true } })).toBe(false)
	})
})
