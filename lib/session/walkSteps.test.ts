import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { arrowBinding, dfdShape, flowArrow, pageRecord } from '../../tests/support/canvasRecords'
import { buildElementContexts } from '../analysis/suggestions'
import { canvasElements } from './canvasElements'
import { dfdModelFromRecords } from './dfdModelFromRecords'
import { walkSteps } from './walkSteps'

const page = pageRecord('main', 'Checkout')
const onPage = page.id as TLParentId

describe('walkSteps', () => {
	it('walks the entity, then the flow into the trust boundary, then the process and the store, then inner flows', () => {
		const boundary = { ...dfdShape('dfd-boundary', onPage, { humanId: 'TB1', w: 800, h: 400 }), x: 300, y: 0 }
		const customer = { ...dfdShape('dfd-entity', onPage, { humanId: 'EE1' }), x: 0, y: 100 }
		const api = { ...dfdShape('dfd-process', onPage, { humanId: 'P1' }), x: 400, y: 100 }
		const db = { ...dfdShape('dfd-store', onPage, { humanId: 'DS1' }), x: 800, y: 100 }
		const legacy = { ...dfdShape('dfd-process', onPage, { humanId: 'P2', outOfScope: true }), x: 400, y: 300 }
		const login = flowArrow(onPage, 'Login', { humanId: 'DF1' })
		const query = flowArrow(onPage, 'Query', { humanId: 'DF2' })
		const records: TLRecord[] = [
			page,
			boundary,
			customer,
			api,
			db,
			legacy,
			login,
			query,
			arrowBinding(login.id, customer.id, 'start'),
			arrowBinding(login.id, api.id, 'end'),
			arrowBinding(query.id, api.id, 'start'),
			arrowBinding(query.id, db.id, 'end'),
		]
		const contexts = buildElementContexts(dfdModelFromRecords(records, { pageId: page.id }))
		const steps = walkSteps(canvasElements(records), contexts, page.id)
		expect(steps.map((step) => [step.humanId, step.skipped])).toEqual([
			['EE1', false],
			['DF1', false],
			['P1', false],
			['P2', true],
			['DS1', false],
			['DF2', false],
		])
	})
})
