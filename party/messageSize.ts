// The room's size limit for one message. tldraw's client splits a large message into chunks
// ("<n remaining>_<part>", at most 256 Ki characters each) that the room joins before parsing, so a
// per-frame limit alone would still let a client make the room buffer and parse anything: the gate
// (messageGate.ts) counts the whole chunked message against this, before joining or parsing it.
// workerd itself refuses any single frame over 1 MiB (close 1009) before the party sees it.

/** Far above any real push (a paste of a large diagram is a few hundred KiB). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

const encoder = new TextEncoder()

/** A frame's size on the wire: UTF-8 bytes of a text frame, bytes of a binary one. */
export function frameBytes(frame: string | ArrayBuffer | ArrayBufferView): number {
	return typeof frame === 'string' ? encoder.encode(frame).byteLength : frame.byteLength
}
