import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PEOPLE_BROADCAST_EVERY_MS, ThrottledBroadcast } from './throttledBroadcast'

describe('ThrottledBroadcast', () => {
	beforeEach(() => vi.useFakeTimers())
	afterEach(() => vi.useRealTimers())

	it('sends the first request at once', () => {
		const send = vi.fn()
		new ThrottledBroadcast(send).request()
		expect(send).toHaveBeenCalledTimes(1)
	})

	it('folds the requests within the interval into one send at its end', () => {
		const send = vi.fn()
		const broadcast = new ThrottledBroadcast(send)
		broadcast.request()
		for (let joined = 0; joined < 200; joined++) broadcast.request()
		expect(send).toHaveBeenCalledTimes(1)
		vi.advanceTimersByTime(PEOPLE_BROADCAST_EVERY_MS - 1)
		expect(send).toHaveBeenCalledTimes(1)
		vi.advanceTimersByTime(1)
		expect(send).toHaveBeenCalledTimes(2)
	})

	it('sends at once again after a quiet interval', () => {
		const send = vi.fn()
		const broadcast = new ThrottledBroadcast(send)
		broadcast.request()
		vi.advanceTimersByTime(PEOPLE_BROADCAST_EVERY_MS)
		broadcast.request()
		expect(send).toHaveBeenCalledTimes(2)
	})

	it('drops a pending send when cancelled', () => {
		const send = vi.fn()
		const broadcast = new ThrottledBroadcast(send)
		broadcast.request()
		broadcast.request()
		broadcast.cancel()
		vi.advanceTimersByTime(PEOPLE_BROADCAST_EVERY_MS * 4)
		expect(send).toHaveBeenCalledTimes(1)
	})
})
