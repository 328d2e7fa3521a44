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
	/**
	 * The room's recent `clock` messages (one at the handshake, then one every CLOCK_EVERY_MS):
	 * the best evidence there is. Each can only underestimate the offset, by its delivery time,
	 * and a browser busy loading the canvas can hold the handshake's for seconds; the largest is
	 * the closest.
	 */
	clockMessages: readonly ClockSample[]
	/**
	 * Events stamped by the room that arrived live (not loaded with the document). Each was
	 * stamped before it arrived, so `serverTime − receivedAt` can only underestimate the offset,
	 * by the delivery time: the largest one is the closest.
	 */
	liveEvents: readonly ClockSample[]
}

/** The estimated room-minus-local offset in ms; 0 (trust the local clock) without evidence. */
export function estimateServerOffset({ clockMessages, liveEvents }: ClockEvidence): number {
	return closestOffset(clockMessages) ?? closestOffset(liveEvents) ?? 0
}

/** The offset of the sample delivered fastest; null for none. */
function closestOffset(samples: readonly ClockSample[]): number | null {
	let best: number | null = null
	for (const sample of samples) {
		const offset = sample.serverTime - sample.receivedAt
		if (best === null || offset > best) best = offset
	}
	return best
}

/** How often the room tells everyone its time. */
export const CLOCK_EVERY_MS = 5_000
/** Clock messages a browser keeps: a minute's worth, so a change of the local clock is soon forgotten. */
export const CLOCK_SAMPLES_KEPT = 12

export function serverNow(offsetMs: number, localNow: number = Date.now()): number {
	return localNow + offsetMs
}
