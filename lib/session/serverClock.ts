/**
 * The room is the one authority on time: every timer event carries the room's stamp, so a browser
 * whose clock is off by minutes would show the wrong countdown. Each browser estimates
 * `offset = room time − local time` and shows `Date.now() + offset`.
 */

export interface ClockSample {
	/** The room's time in the message or record. */
	serverTime: number
	/** `Date.now()` when this browser received it. */
	receivedAt: number
}

export interface ClockEvidence {
	/** The room's `clock` message from the latest handshake: the best evidence there is. */
	clockMessage: ClockSample | null
	/**
	 * Events stamped by the room that arrived live (not loaded with the document). Each was
	 * stamped before it arrived, so `serverTime − receivedAt` can only underestimate the offset,
	 * by the delivery time: the largest one is the closest.
	 */
	liveEvents: readonly ClockSample[]
}

/** The estimated room-minus-local offset in ms; 0 (trust the local clock) without evidence. */
export function estimateServerOffset({ clockMessage, liveEvents }: ClockEvidence): number {
	if (clockMessage) return clockMessage.serverTime - clockMessage.receivedAt
	let best: number | null = null
	for (const sample of liveEvents) {
		const offset = sample.serverTime - sample.receivedAt
		if (best === null || offset > best) best = offset
	}
	return best ?? 0
}

export function serverNow(offsetMs: number, localNow: number = Date.now()): number {
	return localNow + offsetMs
}
