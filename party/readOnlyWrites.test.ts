import { describe, expect, it } from 'vitest'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { readOnlyRejections } from './readOnlyWrites'

const existing = new Set(['shape:kept', 'threat:t1'])
const exists = (id: string) => existing.has(id)

function push(diff: unknown): string {
	return JSON.stringify({ type: 'push', clientClock: 3, diff })
}

describe('readOnlyRejections', () => {
	it('reports each write of a push as a create, an update or a delete, with the observer reason', () => {
		const message = push({
			'shape:new': ['put', { id: 'shape:new', typeName: 'shape' }],
			'threat:t1': ['put', { id: 'threat:t1', typeName: 'threat' }],
			'shape:kept': ['patch', { x: ['put', 3] }],
			'threat:gone': ['remove'],
		})
		expect(readOnlyRejections(message, exists)).toEqual([
			{ type: 'rejected', recordType: 'shape', recordId: 'shape:new', action: 'create', reason: REJECTION_REASON.observer },
			{ type: 'rejected', recordType: 'threat', recordId: 'threat:t1', action: 'update', reason: REJECTION_REASON.observer },
			{ type: 'rejected', recordType: 'shape', recordId: 'shape:kept', action: 'update', reason: REJECTION_REASON.observer },
		])
	})

	it('says nothing about presence, pings, handshakes or anything it cannot read', () => {
		for (const message of [
			JSON.stringify({ type: 'push', clientClock: 1, presence: ['put', { id: 'instance_presence:x' }] }),
			JSON.stringify({ type: 'ping' }),
			JSON.stringify({ type: 'connect', connectRequestId: 'c', lastServerClock: 0 }),
			push({ 'shape:x': ['teleport'] }),
			'not json',
		]) {
			expect(readOnlyRejections(message, exists)).toEqual([])
		}
	})
})
