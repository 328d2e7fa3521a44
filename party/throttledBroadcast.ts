/** How often the people list goes out at most while people come and go. */
export const PEOPLE_BROADCAST_EVERY_MS = 250

/**
 * A broadcast sent at most once per interval: the first request at once (leading edge), those
 * within the interval after it folded into one send at its end (trailing edge). The sender builds
 * its message when it runs, so the trailing send carries the latest state. When 200 people join a
 * room within seconds, sending the whole list to everyone on every join is O(N²) messages; this
 * keeps it to one list per interval.
 */
export class ThrottledBroadcast {
	private lastSentAt = Number.NEGATIVE_INFINITY
	private pending: ReturnType<typeof setTimeout> | null = null

	constructor(
		private readonly send: () => void,
		private readonly everyMs = PEOPLE_BROADCAST_EVERY_MS,
		private readonly now: () => number = () => Date.now(),
	) {}

	request(): void {
		if (this.pending) return
		const waitMs = this.lastSentAt + this.everyMs - this.now()
		if (waitMs <= 0) {
			this.sendNow()
			return
		}
		this.pending = setTimeout(() => {
			this.pending = null
			this.sendNow()
		}, waitMs)
	}

	/** Drops a pending send: nobody is left to hear it. */
	cancel(): void {
		if (this.pending) clearTimeout(this.pending)
		this.pending = null
	}

	private sendNow(): void {
		this.lastSentAt = this.now()
		this.send()
	}
}
