import { describe, expect, it } from 'vitest'
import type { ClientMessage } from './clientMessages'
import { withOwnPresenceIdentity } from './presenceIdentity'

const PAT = { userId: 'Qd0patpatpatpatpatpat0', name: 'Pat' }
const push = (presence: ['put' | 'patch', Record<string, unknown>]): ClientMessage => ({ type: 'push', clientClock: 3, presence })

describe('withOwnPresenceIdentity', () => {
	it("leaves a push alone that carries the client's own identity, or no presence at all", () => {
		expect(withOwnPresenceIdentity(push(['put', { userId: `user:${PAT.userId}`, userName: 'Pat', cursor: { x: 1, y: 2 } }]), PAT)).toBeNull()
		expect(withOwnPresenceIdentity(push(['patch', { cursor: ['put', { x: 3, y: 4 }] }]), PAT)).toBeNull()
		expect(withOwnPresenceIdentity({ type: 'push', clientClock: 1, diff: {} }, PAT)).toBeNull()
		expect(withOwnPresenceIdentity({ type: 'ping' }, PAT)).toBeNull()
	})

	it("puts the authenticated identity over someone else's in a full presence record", () => {
		const claimed = push(['put', { userId: 'user:the-facilitator', userName: 'Fay', cursor: { x: 1, y: 2 } }])
		expect(withOwnPresenceIdentity(claimed, PAT)).toEqual(push(['put', { userId: `user:${PAT.userId}`, userName: 'Pat', cursor: { x: 1, y: 2 } }]))
	})

	it('turns every change of the identity in a patch into a put of the own one, and keeps the rest', () => {
		const claimed = push(['patch', { userId: ['put', 'user:the-facilitator'], userName: ['delete'], cursor: ['put', { x: 5, y: 6 }] }])
		expect(withOwnPresenceIdentity(claimed, PAT)).toEqual(
			push(['patch', { userId: ['put', `user:${PAT.userId}`], userName: ['put', 'Pat'], cursor: ['put', { x: 5, y: 6 }] }]),
		)
	})
})
