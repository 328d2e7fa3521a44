import { describe, expect, it } from 'vitest'
import { type Clock, type RateLimits, SessionThrottle, TokenBucket } from './rateLimit'

/** Time that moves only when the test says so, with the timers it fires. */
function fakeClock(): Clock & { advance(ms: number): void } {
	let now = 0
	let nextId = 0
	const timers = new Map<number, { at: number; callback: () => void }>()
	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = ++nextId
			timers.set(id, { at: now + ms, callback })
			return id
		},
		clearTimeout(handle) {
			timers.delete(handle as number)
		},
		advance(ms) {
			const until = now + ms
			for (;;) {
				const due = [...timers].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0]
				if (!due) break
				timers.delete(due[0])
				now = due[1].at
				due[1].callback()
			}
			now = until
		},
	}
}

const LIMITS: RateLimits = { burst: 10, refillPerSecond: 50, maxQueuedFrames: 20, maxQueuedBytes: 1_000 }

function throttled(limits = LIMITS) {
	const clock = fakeClock()
	const processed: string[] = []
	const notices: number[] = []
	const overflowed: string[] = []
	const throttle = new SessionThrottle<string>(
		{
			process: (_sessionId, item) => processed.push(item),
			slowedDown: (_sessionId, retryAfterMs) => notices.push(retryAfterMs),
			overflowed: (sessionId) => overflowed.push(sessionId),
		},
		limits,
		clock,
	)
	return { clock, throttle, processed, notices, overflowed }
}

describe('TokenBucket', () => {
	it('allows a burst, then refills continuously up to the burst', () => {
		const bucket = new TokenBucket(3, 10, 0)
		expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false])
		expect(bucket.msUntilToken(0)).toBe(100)
		expect(bucket.take(100)).toBe(true)
		expect(bucket.isFull(10_000)).toBe(true)
		expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, true, false])
	})
})

describe('SessionThrottle', () => {
	it('handles a burst at once and the rest in order at the sustained rate, dropping nothing', () => {
		const { clock, throttle, processed, notices } = throttled()
		for (let i = 0; i < 30; i++) throttle.submit('s', `m${i}`, 10)
		expect(processed).toHaveLength(10)
		expect(throttle.queued('s')).toBe(20)
		clock.advance(200) // 50/s: ten more
		expect(processed).toHaveLength(20)
		clock.advance(200)
		expect(processed).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`))
		expect(notices).toHaveLength(1)
	})

	it('tells the client once per burst, with how long a pause ends the slowdown', () => {
		const { clock, throttle, notices } = throttled()
		for (let i = 0; i < 15; i++) throttle.submit('s', 'x', 1)
		// The next token in 20 ms, then a whole burst of 10 at 50/s.
		expect(notices).toEqual([220])
		clock.advance(5_000) // drained, and the bucket full again: the burst is over
		for (let i = 0; i < 15; i++) throttle.submit('s', 'x', 1)
		expect(notices).toEqual([220, 220])
	})

	it('does not flap at the edge of the rate: a client hovering just above it hears once', () => {
		const { clock, throttle, notices, processed } = throttled()
		for (let i = 0; i < 200; i++) {
			throttle.submit('s', `m${i}`, 1)
			clock.advance(19) // ~52.6/s against 50/s
		}
		clock.advance(2_000)
		expect(processed).toHaveLength(200)
		expect(notices).toHaveLength(1)
	})

	it('never lets a frame overtake one that waits, even when a token is free', () => {
		const { clock, throttle, processed } = throttled({ ...LIMITS, burst: 1 })
		throttle.submit('s', 'a', 1)
		throttle.submit('s', 'b', 1)
		clock.advance(20) // a token now, but 'b' waits for its timer
		throttle.submit('s', 'c', 1)
		clock.advance(100)
		expect(processed).toEqual(['a', 'b', 'c'])
	})

	it('closes a connection whose waiting frames pass the count or the byte bound', () => {
		const byCount = throttled()
		for (let i = 0; i < 10 + 20; i++) byCount.throttle.submit('s', 'x', 1)
		expect(byCount.overflowed).toEqual([])
		byCount.throttle.submit('s', 'one too many', 1)
		expect(byCount.overflowed).toEqual(['s'])
		expect(byCount.throttle.queued('s')).toBe(0)

		const byBytes = throttled()
		for (let i = 0; i < 10; i++) byBytes.throttle.submit('s', 'x', 1)
		byBytes.throttle.submit('s', 'big', 600)
		expect(byBytes.overflowed).toEqual([])
		byBytes.throttle.submit('s', 'bigger', 401)
		expect(byBytes.overflowed).toEqual(['s'])
	})

	it('keeps sessions apart: a flood on one leaves the others their own burst', () => {
		const { throttle, processed } = throttled()
		for (let i = 0; i < 25; i++) throttle.submit('flood', 'f', 1)
		throttle.submit('honest', 'h', 1)
		expect(processed.filter((item) => item === 'h')).toHaveLength(1)
	})

	it('drops what waits when the socket goes, and handles nothing of it later', () => {
		const { clock, throttle, processed } = throttled()
		for (let i = 0; i < 15; i++) throttle.submit('s', 'x', 1)
		throttle.forget('s')
		clock.advance(10_000)
		expect(processed).toHaveLength(10)
	})

	it('stops draining a session that a handled frame closed', () => {
		const clock = fakeClock()
		const processed: string[] = []
		const throttle: SessionThrottle<string> = new SessionThrottle<string>(
			{
				process: (sessionId, item) => {
					processed.push(item)
					if (item === 'closing') throttle.forget(sessionId)
				},
				slowedDown: () => {},
				overflowed: () => {},
			},
			{ ...LIMITS, burst: 1 },
			clock,
		)
		for (const item of ['a', 'closing', 'after']) throttle.submit('s', item, 1)
		clock.advance(1_000)
		expect(processed).toEqual(['a', 'closing'])
	})
})
