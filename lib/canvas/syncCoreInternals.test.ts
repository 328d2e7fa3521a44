import { describe, expect, it } from 'vitest'
import { chunk, ClientWebSocketAdapter, diffRecord, getTlsyncProtocolVersion } from './syncCoreInternals'

// tldraw does not promise these: an upgrade of @tldraw/sync-core must be checked against what the
// page (watchedSocket, roomConnection), the tests and the bench rely on. This fails first.
describe('the @tldraw/sync-core internals we use', () => {
	it('speaks the sync protocol version the room and the tests were written for', () => {
		expect(getTlsyncProtocolVersion()).toBe(8)
	})

	it('has the client socket with the controls the watchdog and the tests use', () => {
		for (const method of ['close', 'restart', '_closeSocket', 'sendMessage', 'onReceiveMessage', 'onStatusChange']) {
			expect(typeof Reflect.get(ClientWebSocketAdapter.prototype, method), method).toBe('function')
		}
	})

	it('splits a large message into chunks that join back to it', () => {
		const message = 'x'.repeat(100)
		const parts = chunk(message, 30)
		expect(parts.length).toBeGreaterThan(1)
		expect(parts.every((part) => part.length <= 30)).toBe(true)
	})

	it('diffs a record into the patch a client pushes, and nothing for an unchanged one', () => {
		const prev = { id: 'shape:a', x: 1, props: { name: 'A' } }
		expect(diffRecord(prev, { ...prev, props: { name: 'B' } })).not.toBeNull()
		expect(diffRecord(prev, { ...prev })).toBeNull()
	})
})
