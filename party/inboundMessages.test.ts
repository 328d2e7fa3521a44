import type * as Party from 'partykit/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type InboundHandlers, InboundMessages } from './inboundMessages'

function fakeConnection(id: string) {
	const sent: unknown[] = []
	const conn = { id, send: (data: string) => sent.push(JSON.parse(data)) } as unknown as Party.Connection
	return { conn, sent }
}

function inbound(overrides: Partial<InboundHandlers> = {}) {
	const handled: string[] = []
	const custom: unknown[] = []
	const closed: string[] = []
	let connected = false
	const messages = new InboundMessages(
		{
			handle: (_conn, text) => handled.push(text),
			sendCustom: (_sessionId, message) => custom.push(message),
			isConnected: () => connected,
			close: (_sessionId, reason) => closed.push(reason),
			warn: () => {},
			...overrides,
		},
		{ burst: 2, refillPerSecond: 1, maxQueuedFrames: 1, maxQueuedBytes: 1_000 },
	)
	return { messages, handled, custom, closed, connect: () => (connected = true) }
}

describe('InboundMessages', () => {
	it("hands tldraw what passes and answers the rest: on the socket before the handshake, as tldraw's custom message after", () => {
		const { messages, handled, custom, connect } = inbound()
		const { conn, sent } = fakeConnection('c')
		messages.receive(conn, '{"type":"ping"}')
		expect(sent).toEqual([{ type: 'custom', data: { type: 'error', reason: 'NOT_CONNECTED', detail: expect.any(String) } }])
		connect()
		messages.receive(conn, '{"type":"ping"}')
		expect(handled).toEqual(['{"type":"ping"}'])
		expect(custom).toEqual([])
	})

	afterEach(() => {
		vi.useRealTimers()
	})

	it('tells a client it is slowed down, and closes it with RATE_LIMITED past the queue bound', () => {
		// Frozen: a millisecond passing between two frames would refill the bucket and shave retryAfterMs.
		vi.useFakeTimers()
		const { messages, custom, closed, connect } = inbound()
		const { conn } = fakeConnection('c')
		connect()
		for (let i = 0; i < 3; i++) messages.receive(conn, '{"type":"ping"}')
		expect(custom).toEqual([{ type: 'rate-limited', retryAfterMs: 3_000 }])
		messages.receive(conn, '{"type":"ping"}')
		expect(closed).toEqual(['RATE_LIMITED'])
		messages.forget('c')
	})

	it('closes with MESSAGE_TOO_LARGE, and with UNKNOWN_ERROR when handling throws, rather than failing the room', () => {
		const { messages, closed, connect } = inbound({
			handle: () => {
				throw new Error('boom')
			},
		})
		connect()
		messages.receive(fakeConnection('a').conn, '{"type":"ping"}')
		messages.receive(fakeConnection('b').conn, `{"type":"ping","x":"${'y'.repeat(5 * 1024 * 1024)}"}`)
		expect(closed).toEqual(['UNKNOWN_ERROR', 'MESSAGE_TOO_LARGE'])
	})
})
