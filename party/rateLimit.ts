// How fast one connection may make the room work. tldraw's client sends at most 30 pushes a second
// while someone drags (its network frame rate) plus a ping every 5 s, so a sustained 50 frames a
// second is a client that is broken or hostile. Dropping its frames would desync a real client (a
// push tldraw never answers), so over the limit they wait in order and are handled at the allowed
// rate; only a connection that keeps going until it is far behind is closed.

export interface RateLimits {
	/** Frames handled at once after a quiet spell. */
	burst: number
	/** Frames handled per second, sustained. */
	refillPerSecond: number
	/** Frames that may wait for their turn: 30 s behind at the sustained rate. */
	maxQueuedFrames: number
	/** Bytes that may wait: two messages of the maximum size. */
	maxQueuedBytes: number
}

export const RATE_LIMITS: RateLimits = {
	burst: 100,
	refillPerSecond: 50,
	maxQueuedFrames: 1_500,
	maxQueuedBytes: 8 * 1024 * 1024,
}

export interface Clock {
	now(): number
	setTimeout(callback: () => void, ms: number): unknown
	clearTimeout(handle: unknown): void
}

const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** `burst` tokens, refilled continuously at `refillPerSecond`; a frame takes one. */
export class TokenBucket {
	private tokens: number
	private updatedAt: number

	constructor(
		private readonly burst: number,
		private readonly refillPerSecond: number,
		now: number,
	) {
		this.tokens = burst
		this.updatedAt = now
	}

	take(now: number): boolean {
		this.refill(now)
		if (this.tokens < 1) return false
		this.tokens -= 1
		return true
	}

	isFull(now: number): boolean {
		this.refill(now)
		return this.tokens >= this.burst
	}

	/** How long until a token is there (0 if one is). */
	msUntilToken(now: number): number {
		this.refill(now)
		return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.refillPerSecond) * 1000)
	}

	private refill(now: number): void {
		const elapsedMs = Math.max(0, now - this.updatedAt)
		this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.refillPerSecond)
		this.updatedAt = now
	}
}

export interface ThrottleHandlers<T> {
	/** Handle a frame now (in the order they were submitted). */
	process(sessionId: string, item: T): void
	/** The session's frames started to wait (`item` is the first that does): tell it, once per burst. */
	slowedDown(sessionId: string, retryAfterMs: number, item: T): void
	/** More waited than the limits allow: the session is forgotten here; close it. */
	overflowed(sessionId: string): void
}

interface Lane<T> {
	bucket: TokenBucket
	queue: { item: T; bytes: number }[]
	queuedBytes: number
	timer: unknown
	/** Told about this burst already; cleared once the bucket has refilled completely. */
	notified: boolean
}

/** A token bucket and a bounded queue per session. */
export class SessionThrottle<T> {
	private readonly lanes = new Map<string, Lane<T>>()

	constructor(
		private readonly handlers: ThrottleHandlers<T>,
		private readonly limits: RateLimits = RATE_LIMITS,
		private readonly clock: Clock = realClock,
	) {}

	submit(sessionId: string, item: T, bytes: number): void {
		const lane = this.laneOf(sessionId)
		const now = this.clock.now()
		// Nothing may overtake a waiting frame, or tldraw would see a client's messages out of order.
		if (lane.queue.length === 0) {
			// A burst ends when the client has been quiet long enough to earn its whole burst back.
			if (lane.notified && lane.bucket.isFull(now)) lane.notified = false
			if (lane.bucket.take(now)) {
				this.handlers.process(sessionId, item)
				return
			}
		}
		if (lane.queue.length >= this.limits.maxQueuedFrames || lane.queuedBytes + bytes > this.limits.maxQueuedBytes) {
			this.forget(sessionId)
			this.handlers.overflowed(sessionId)
			return
		}
		lane.queue.push({ item, bytes })
		lane.queuedBytes += bytes
		if (!lane.notified) {
			lane.notified = true
			this.handlers.slowedDown(sessionId, this.catchUpMs(lane), item)
		}
		this.schedule(sessionId, lane)
	}

	/** Frames waiting for `sessionId`. */
	queued(sessionId: string): number {
		return this.lanes.get(sessionId)?.queue.length ?? 0
	}

	/** Drops the session's bucket and every frame still waiting (its socket is gone). */
	forget(sessionId: string): void {
		const lane = this.lanes.get(sessionId)
		if (!lane) return
		if (lane.timer !== null) this.clock.clearTimeout(lane.timer)
		this.lanes.delete(sessionId)
	}

	private laneOf(sessionId: string): Lane<T> {
		let lane = this.lanes.get(sessionId)
		if (!lane) {
			lane = {
				bucket: new TokenBucket(this.limits.burst, this.limits.refillPerSecond, this.clock.now()),
				queue: [],
				queuedBytes: 0,
				timer: null,
				notified: false,
			}
			this.lanes.set(sessionId, lane)
		}
		return lane
	}

	/** Until the room has handled what waits and earned back a whole burst: a pause that long ends the slowdown. */
	private catchUpMs(lane: Lane<T>): number {
		const queuedMs = lane.bucket.msUntilToken(this.clock.now()) + ((lane.queue.length - 1) / this.limits.refillPerSecond) * 1000
		return Math.ceil(queuedMs + (this.limits.burst / this.limits.refillPerSecond) * 1000)
	}

	private schedule(sessionId: string, lane: Lane<T>): void {
		if (lane.timer !== null) return
		lane.timer = this.clock.setTimeout(() => this.drain(sessionId, lane), Math.max(1, lane.bucket.msUntilToken(this.clock.now())))
	}

	private drain(sessionId: string, lane: Lane<T>): void {
		lane.timer = null
		while (lane.queue.length > 0 && lane.bucket.take(this.clock.now())) {
			const next = lane.queue.shift()
			if (!next) break
			lane.queuedBytes -= next.bytes
			this.handlers.process(sessionId, next.item)
			// Handling a frame can close the session (and forget its lane).
			if (this.lanes.get(sessionId) !== lane) return
		}
		if (lane.queue.length > 0) this.schedule(sessionId, lane)
	}
}
