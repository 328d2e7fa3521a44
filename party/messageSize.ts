// tldraw's client splits a large message into chunks ("<n remaining>_<part>") that the room joins
// before parsing, so a per-frame limit alone would still let a client make the room buffer and
// parse anything: this counts the whole chunked message.

/** Far above any real push (a paste of a large diagram is a few hundred KiB). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

const CHUNK_PREFIX = /^(\d+)_/

export class MessageSizeGuard {
	private readonly pendingBytes = new Map<string, number>()

	constructor(private readonly maxBytes = MAX_MESSAGE_BYTES) {}

	/** False when the message, with the chunks before it, exceeds the limit. */
	accept(sessionId: string, message: string | ArrayBuffer | ArrayBufferView): boolean {
		const bytes = typeof message === 'string' ? utf8Length(message) : message.byteLength
		const chunk = typeof message === 'string' ? CHUNK_PREFIX.exec(message) : null
		const total = (chunk ? (this.pendingBytes.get(sessionId) ?? 0) : 0) + bytes
		if (total > this.maxBytes) {
			this.pendingBytes.delete(sessionId)
			return false
		}
		// "0_" is the last chunk; a whole message ('{…}') ends any sequence, as in tldraw's assembler.
		if (chunk && chunk[1] !== '0') this.pendingBytes.set(sessionId, total)
		else this.pendingBytes.delete(sessionId)
		return true
	}

	forget(sessionId: string): void {
		this.pendingBytes.delete(sessionId)
	}
}

const encoder = new TextEncoder()

function utf8Length(text: string): number {
	return encoder.encode(text).byteLength
}
