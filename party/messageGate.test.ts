import { describe, expect, it } from 'vitest'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { chunk, diffRecord, getTlsyncProtocolVersion } from '@/lib/canvas/syncCoreInternals'
import { type GateVerdict, MessageGate } from './messageGate'
import { frameBytes } from './messageSize'

const CONNECTED = { connected: true }

function inspect(gate: MessageGate, frame: string | Uint8Array, session = 's', state = CONNECTED): GateVerdict {
	return gate.inspect(session, frame, frameBytes(frame), state)
}

function reasonOf(verdict: GateVerdict): string {
	return verdict.kind === 'refuse' || verdict.kind === 'close' ? verdict.reason : verdict.kind
}

const connect = {
	type: 'connect',
	connectRequestId: 'abc123',
	lastServerClock: -1,
	protocolVersion: getTlsyncProtocolVersion(),
	schema: threatroomSchema.serialize(),
}
const page = { id: 'page:p', typeName: 'page', name: 'P', index: 'a1', meta: {} }

describe('MessageGate', () => {
	it("passes tldraw's own messages through unchanged", () => {
		const gate = new MessageGate()
		const messages = [
			connect,
			{ type: 'ping' },
			{ type: 'push', clientClock: 0, diff: { 'page:p': ['put', page] } },
			{ type: 'push', clientClock: 1, diff: { 'page:p': ['patch', { name: ['put', 'Q'], meta: ['patch', { a: ['delete'] }] }] } },
			{ type: 'push', clientClock: 2, diff: { 'shape:s': ['patch', { props: ['patch', { text: ['append', 'xy', 3] }] }] } },
			{ type: 'push', clientClock: 3, diff: { 'page:p': ['remove'] }, presence: ['patch', { cursor: ['put', { x: 1, y: 2 }] }] },
			{ type: 'push', clientClock: 4, presence: ['put', { id: 'instance_presence:x', typeName: 'instance_presence' }] },
		]
		for (const message of messages) {
			const text = JSON.stringify(message)
			expect(inspect(gate, text)).toEqual({ kind: 'deliver', text, message })
		}
	})

	it('refuses a binary frame, even one that holds a valid message', () => {
		expect(reasonOf(inspect(new MessageGate(), new TextEncoder().encode('{"type":"ping"}')))).toBe('BINARY_MESSAGE')
	})

	it('tells text that is not JSON from JSON that is not a message', () => {
		const gate = new MessageGate()
		expect(reasonOf(inspect(gate, '{not json'))).toBe('INVALID_JSON')
		expect(reasonOf(inspect(gate, 'hello'))).toBe('INVALID_JSON')
		for (const text of ['[1,2]', '"ping"', '42', 'null', ' {"type":"ping"}', '{}', '{"type":"fetch"}']) {
			expect(reasonOf(inspect(gate, text)), text).toBe('BAD_MESSAGE')
		}
	})

	it('refuses envelopes with wrong types, missing fields or fields tldraw does not send', () => {
		const gate = new MessageGate()
		const bad = [
			{ type: 'push' },
			{ type: 'push', clientClock: 'x' },
			{ type: 'push', clientClock: -1 },
			{ type: 'push', clientClock: 1, diff: 'str' },
			{ type: 'push', clientClock: 1, diff: { 'shape:x': ['weird'] } },
			{ type: 'push', clientClock: 1, diff: { 'shape:x': ['put'] } },
			{ type: 'push', clientClock: 1, diff: { 'no-colon': ['remove'] } },
			{ type: 'push', clientClock: 1, diff: { 'shape:x': ['patch', { x: ['add', 1] }] } },
			{ type: 'push', clientClock: 1, presence: ['remove'] },
			{ type: 'ping', extra: true },
			{ ...connect, lastServerClock: 'a' },
			{ ...connect, schema: { schemaVersion: 2, sequences: 'x' } },
			{ ...connect, schema: null },
		]
		for (const message of bad) expect(reasonOf(inspect(gate, JSON.stringify(message))), JSON.stringify(message)).toBe('BAD_MESSAGE')
	})

	it('refuses a handshake that names another room or session: the socket decides both', () => {
		const verdict = inspect(new MessageGate(), JSON.stringify({ ...connect, roomId: 'other', sessionId: 'someone-else' }), 's', { connected: false })
		expect(verdict).toMatchObject({ kind: 'refuse', reason: 'BAD_MESSAGE', detail: expect.stringContaining('roomId') })
	})

	it('refuses __proto__ as a record id or a patched key, where tldraw would assign it', () => {
		const gate = new MessageGate()
		expect(reasonOf(inspect(gate, '{"type":"push","clientClock":1,"diff":{"__proto__":["put",{"id":"__proto__","typeName":"page"}]}}'))).toBe('BAD_MESSAGE')
		expect(reasonOf(inspect(gate, '{"type":"push","clientClock":1,"diff":{"page:p":["patch",{"meta":["patch",{"__proto__":["put",{"x":1}]}]}]}}'))).toBe(
			'BAD_MESSAGE',
		)
		expect(reasonOf(inspect(gate, '{"type":"push","clientClock":1,"presence":["patch",{"__proto__":["put",{}]}]}'))).toBe('BAD_MESSAGE')
		// As data in a record it is only a key, which the schema's validators judge.
		expect(
			reasonOf(
				inspect(gate, JSON.stringify({ type: 'push', clientClock: 1, diff: { 'page:p': ['put', page] } }).replace('"meta":{}', '"meta":{"__proto__":1}')),
			),
		).toBe('deliver')
	})

	it("refuses a put stored under another record's id", () => {
		const message = { type: 'push', clientClock: 1, diff: { 'page:q': ['put', page] } }
		expect(reasonOf(inspect(new MessageGate(), JSON.stringify(message)))).toBe('BAD_MESSAGE')
	})

	it('refuses nesting past the limit before validating, whatever nests', () => {
		const gate = new MessageGate({ maxBytes: 1_000_000, maxDepth: 10 })
		const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)
		const meta = (n: number) =>
			JSON.stringify({ type: 'push', clientClock: 1, diff: { 'page:p': ['put', { ...page, meta: { d: 0 } }] } }).replace('"d":0', `"d":${deep(n)}`)
		expect(reasonOf(inspect(gate, meta(3)))).toBe('deliver')
		expect(inspect(gate, meta(6))).toMatchObject({ kind: 'refuse', reason: 'BAD_MESSAGE', detail: expect.stringContaining('deeper than 10') })
		expect(reasonOf(inspect(new MessageGate(), `{"a":${deep(200_000)}}`))).toBe('BAD_MESSAGE')
	})

	it('lets through an edit of rich text nested twenty lists deep, as tldraw diffs it', () => {
		let item: object = { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'leaf' }] }] }
		for (let i = 0; i < 20; i++) item = { type: 'listItem', content: [{ type: 'paragraph' }, { type: 'bulletList', content: [item] }] }
		const richText = (leaf: string) =>
			JSON.parse(JSON.stringify({ type: 'doc', content: [{ type: 'bulletList', content: [item] }] }).replace('"leaf"', `"${leaf}"`))
		const shape = (leaf: string) => ({ id: 'shape:t', typeName: 'shape', type: 'text', props: { richText: richText(leaf) }, meta: {} })
		const patch = diffRecord(shape('lea'), shape('leaf'))
		expect(reasonOf(inspect(new MessageGate(), JSON.stringify({ type: 'push', clientClock: 1, diff: { 'shape:t': ['patch', patch] } })))).toBe('deliver')
	})

	it('answers a push or ping before the handshake with NOT_CONNECTED, and lets the handshake through', () => {
		const gate = new MessageGate()
		const before = { connected: false }
		expect(reasonOf(inspect(gate, '{"type":"ping"}', 's', before))).toBe('NOT_CONNECTED')
		expect(reasonOf(inspect(gate, '{"type":"push","clientClock":0}', 's', before))).toBe('NOT_CONNECTED')
		expect(reasonOf(inspect(gate, JSON.stringify(connect), 's', before))).toBe('deliver')
	})

	it('joins a chunked message and hands tldraw the whole text', () => {
		const gate = new MessageGate()
		const message = { type: 'push', clientClock: 7, diff: { 'page:p': ['put', { ...page, name: 'x'.repeat(3_000) }] } }
		const text = JSON.stringify(message)
		const parts = chunk(text, 1_000)
		expect(parts.length).toBeGreaterThan(2)
		const verdicts = parts.map((part) => inspect(gate, part))
		expect(verdicts.slice(0, -1).every((verdict) => verdict.kind === 'wait')).toBe(true)
		expect(verdicts.at(-1)).toEqual({ kind: 'deliver', text, message })
	})

	it('counts a chunked message as a whole against the size limit, before joining it', () => {
		const parts = chunk(JSON.stringify({ type: 'ping', data: 'x'.repeat(3_000) }), 1_000)
		const tight = new MessageGate({ maxBytes: 2_500, maxDepth: 100 })
		const verdicts = parts.map((part) => inspect(tight, part))
		// The room closes the socket at the first MESSAGE_TOO_LARGE; nothing was joined or parsed.
		expect(verdicts.map(reasonOf)).toContain('MESSAGE_TOO_LARGE')
		expect(verdicts.map(reasonOf)).not.toContain('deliver')
		expect(reasonOf(inspect(tight, `{"type":"ping","x":"${'y'.repeat(2_500)}"}`))).toBe('MESSAGE_TOO_LARGE')
	})

	it('counts each session on its own and starts over after the last chunk', () => {
		const gate = new MessageGate({ maxBytes: 2_500, maxDepth: 100 })
		const parts = chunk(JSON.stringify({ type: 'ping', pad: 'y'.repeat(2_000) }), 1_000)
		for (let round = 0; round < 3; round++) {
			for (const part of parts) {
				expect(reasonOf(inspect(gate, part, 'a'))).not.toBe('MESSAGE_TOO_LARGE')
				expect(reasonOf(inspect(gate, part, 'b'))).not.toBe('MESSAGE_TOO_LARGE')
			}
		}
	})

	it('drops a chunked message whose chunks come out of order or are interrupted, with BAD_CHUNK', () => {
		const gate = new MessageGate()
		expect(reasonOf(inspect(gate, '2_{"type"'))).toBe('wait')
		expect(reasonOf(inspect(gate, '0_:"ping"}'))).toBe('BAD_CHUNK')
		expect(reasonOf(inspect(gate, '1_{"type"'))).toBe('wait')
		expect(reasonOf(inspect(gate, '{"type":"ping"}'))).toBe('BAD_CHUNK')
		// Starts over: the next message stands on its own.
		expect(reasonOf(inspect(gate, '{"type":"ping"}'))).toBe('deliver')
		expect(reasonOf(inspect(gate, '99999999999999999999_x'))).toBe('BAD_CHUNK')
		expect(reasonOf(inspect(gate, '1_{"a"'))).toBe('wait')
		expect(reasonOf(inspect(gate, '0_:1'))).toBe('INVALID_JSON')
	})

	it('forgets a half-received message when the socket goes', () => {
		const gate = new MessageGate()
		expect(reasonOf(inspect(gate, '1_{"type"'))).toBe('wait')
		gate.forget('s')
		expect(reasonOf(inspect(gate, '{"type":"ping"}'))).toBe('deliver')
	})
})
