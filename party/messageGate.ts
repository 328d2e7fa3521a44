import { MESSAGE_ERROR_REASON, type MessageErrorReason, PARTY_CLOSE_REASON } from '@/lib/protocol/customMessages'
import { type ClientMessage, clientMessageSchema, describeIssue, MAX_MESSAGE_DEPTH, nestsDeeperThan } from './clientMessages'
import { MAX_MESSAGE_BYTES } from './messageSize'

// Every frame a socket sends passes here before tldraw's room sees anything, and gets exactly one
// verdict. What tldraw does with the same input on its own (probed against `partykit dev`):
// invalid JSON and unknown types close with UNKNOWN_ERROR, text that is neither JSON nor a chunk
// (`hello`, `[1]`) drops the socket with no reason (1005), a push with a malformed diff is
// discarded silently or committed with no clock, a push or ping before the handshake is ignored, a
// binary frame is decoded as text and handled, and a record nested a few thousand levels deep is
// stored. The gate makes each of these one documented answer (docs/protocol.md, "Errors").

export type GateVerdict =
	/** A whole message for tldraw: `text` is exactly what the client sent, joined if chunked. */
	| { kind: 'deliver'; text: string; message: ClientMessage }
	/** A chunk of a message still being received. */
	| { kind: 'wait' }
	/** Dropped; tell the client why and keep the socket. */
	| { kind: 'refuse'; reason: MessageErrorReason; detail: string }
	/** Close the socket with this reason (code 4099). */
	| { kind: 'close'; reason: typeof PARTY_CLOSE_REASON.MESSAGE_TOO_LARGE }

interface Assembly {
	parts: string[]
	bytes: number
	/** Chunks still to come, as the last chunk announced. */
	remaining: number
}

/** tldraw's chunk framing (chunk.ts): `<chunks still to come>_<part>`. */
const CHUNK = /^(\d+)_/

export class MessageGate {
	/** Chunked messages being received, per session. */
	private readonly assemblies = new Map<string, Assembly>()

	constructor(private readonly limits = { maxBytes: MAX_MESSAGE_BYTES, maxDepth: MAX_MESSAGE_DEPTH }) {}

	/**
	 * The verdict on one frame of `sessionId`. `bytes` is its size on the wire (messageSize.ts);
	 * `connected` whether the session's handshake is through.
	 */
	inspect(sessionId: string, frame: string | ArrayBuffer | ArrayBufferView, bytes: number, { connected }: { connected: boolean }): GateVerdict {
		const pending = this.assemblies.get(sessionId)
		// Any frame but the next chunk ends a chunked message: what was received of it is dropped.
		this.assemblies.delete(sessionId)
		if (typeof frame !== 'string') return refuse(MESSAGE_ERROR_REASON.BINARY_MESSAGE, 'the sync protocol is JSON text; binary frames are not read')

		const chunk = CHUNK.exec(frame)
		if (!chunk) {
			if (bytes > this.limits.maxBytes) return { kind: 'close', reason: PARTY_CLOSE_REASON.MESSAGE_TOO_LARGE }
			if (pending) return refuse(MESSAGE_ERROR_REASON.BAD_CHUNK, 'a whole message arrived before the last chunk of a chunked one; both were dropped')
			return this.check(frame, connected)
		}

		const remaining = Number(chunk[1])
		const total = (pending?.bytes ?? 0) + bytes
		// Counted before anything is kept: a client cannot make the room hold more than the limit.
		if (total > this.limits.maxBytes) return { kind: 'close', reason: PARTY_CLOSE_REASON.MESSAGE_TOO_LARGE }
		if (!Number.isSafeInteger(remaining) || remaining >= this.limits.maxBytes) {
			return refuse(MESSAGE_ERROR_REASON.BAD_CHUNK, 'a chunk announced more chunks than a message of the maximum size has')
		}
		if (pending && remaining !== pending.remaining - 1) {
			return refuse(MESSAGE_ERROR_REASON.BAD_CHUNK, `expected the chunk with ${pending.remaining - 1} still to come, got ${remaining}; the message was dropped`)
		}
		const part = frame.slice(chunk[0].length)
		const assembly: Assembly = pending ? { ...pending, bytes: total, remaining } : { parts: [], bytes: total, remaining }
		assembly.parts.push(part)
		if (remaining > 0) {
			this.assemblies.set(sessionId, assembly)
			return { kind: 'wait' }
		}
		return this.check(assembly.parts.join(''), connected)
	}

	forget(sessionId: string): void {
		this.assemblies.delete(sessionId)
	}

	/** A whole message: parsed once, then its depth and its envelope. */
	private check(text: string, connected: boolean): GateVerdict {
		let parsed: unknown
		try {
			parsed = JSON.parse(text)
		} catch {
			return refuse(MESSAGE_ERROR_REASON.INVALID_JSON, 'the message is not JSON')
		}
		// tldraw reads a message only when its text starts with "{" (else it tries it as a chunk).
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !text.startsWith('{')) {
			return refuse(MESSAGE_ERROR_REASON.BAD_MESSAGE, 'a message is a JSON object, starting with "{"')
		}
		// Before zod, whose schema recurses into patches.
		if (nestsDeeperThan(parsed, this.limits.maxDepth)) {
			return refuse(MESSAGE_ERROR_REASON.BAD_MESSAGE, `the message nests deeper than ${this.limits.maxDepth} levels`)
		}
		const message = clientMessageSchema.safeParse(parsed)
		if (!message.success) return refuse(MESSAGE_ERROR_REASON.BAD_MESSAGE, describeIssue(message.error))
		if (message.data.type !== 'connect' && !connected) {
			return refuse(MESSAGE_ERROR_REASON.NOT_CONNECTED, `send "connect" and wait for its answer before "${message.data.type}"`)
		}
		return { kind: 'deliver', text, message: message.data }
	}
}

function refuse(reason: MessageErrorReason, detail: string): GateVerdict {
	return { kind: 'refuse', reason, detail }
}
