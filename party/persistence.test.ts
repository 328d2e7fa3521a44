import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PERSIST_DEBOUNCE_MS, PERSIST_MAX_WAIT_MS, RETRY_MAX_MS, SaveScheduler } from './persistence'

function deferred() {
	let resolve!: () => void
	let reject!: (error: Error) => void
	const promise = new Promise<void>((res, rej) => {
		resolve = res
		reject = rej
	})
	return { promise, resolve, reject }
}

describe('SaveScheduler', () => {
	beforeEach(() => vi.useFakeTimers())
	afterEach(() => vi.useRealTimers())

	function scheduler(save: () => Promise<void> = async () => {}) {
		const saveSpy = vi.fn(save)
		const errors: number[] = []
		const saver = new SaveScheduler(saveSpy, (_error, _failures, retryInMs) => errors.push(retryInMs))
		return { saver, save: saveSpy, errors }
	}

	it('saves once, a second after the last change', async () => {
		const { saver, save } = scheduler()
		saver.changed()
		await vi.advanceTimersByTimeAsync(600)
		saver.changed()
		await vi.advanceTimersByTimeAsync(PERSIST_DEBOUNCE_MS - 1)
		expect(save).not.toHaveBeenCalled()
		await vi.advanceTimersByTimeAsync(1)
		expect(save).toHaveBeenCalledTimes(1)
		expect(saver.hasUnsavedChanges).toBe(false)
	})

	it('waits a shorter quiet time when given one, as the integration tests run it', async () => {
		const save = vi.fn(async () => {})
		const saver = new SaveScheduler(save, () => {}, { debounceMs: 50 })
		saver.changed()
		await vi.advanceTimersByTimeAsync(49)
		expect(save).not.toHaveBeenCalled()
		await vi.advanceTimersByTimeAsync(1)
		expect(save).toHaveBeenCalledTimes(1)
	})

	it('saves at least every two seconds under continuous edits', async () => {
		const { saver, save } = scheduler()
		for (let elapsed = 0; elapsed < PERSIST_MAX_WAIT_MS; elapsed += 100) {
			saver.changed()
			await vi.advanceTimersByTimeAsync(100)
		}
		expect(save).toHaveBeenCalledTimes(1)
	})

	it('saves immediately on flush, and not at all when nothing changed', async () => {
		const { saver, save } = scheduler()
		saver.flush()
		await vi.advanceTimersByTimeAsync(5_000)
		expect(save).not.toHaveBeenCalled()
		saver.changed()
		saver.flush()
		await vi.advanceTimersByTimeAsync(0)
		expect(save).toHaveBeenCalledTimes(1)
	})

	it('runs one save at a time and saves again after it for changes made meanwhile', async () => {
		const first = deferred()
		const { saver, save } = scheduler()
		save.mockImplementationOnce(() => first.promise)
		saver.changed()
		await vi.advanceTimersByTimeAsync(PERSIST_DEBOUNCE_MS)
		saver.changed()
		saver.flush()
		await vi.advanceTimersByTimeAsync(10_000)
		expect(save).toHaveBeenCalledTimes(1)
		first.resolve()
		await vi.advanceTimersByTimeAsync(0)
		expect(save).toHaveBeenCalledTimes(2)
	})

	it('retries a failed save with growing delays up to ten seconds, until it succeeds', async () => {
		const { saver, save, errors } = scheduler()
		save.mockRejectedValue(new Error('app down'))
		saver.changed()
		await vi.advanceTimersByTimeAsync(PERSIST_DEBOUNCE_MS)
		await vi.advanceTimersByTimeAsync(60_000)
		expect(errors.slice(0, 6)).toEqual([500, 1_000, 2_000, 4_000, 8_000, RETRY_MAX_MS])
		expect(errors.every((delay) => delay <= RETRY_MAX_MS)).toBe(true)
		expect(saver.hasUnsavedChanges).toBe(true)

		save.mockResolvedValue(undefined)
		await vi.advanceTimersByTimeAsync(RETRY_MAX_MS)
		expect(saver.hasUnsavedChanges).toBe(false)
		const calls = save.mock.calls.length
		await vi.advanceTimersByTimeAsync(60_000)
		expect(save).toHaveBeenCalledTimes(calls)
	})

	it('does not hammer a failing app when changes keep coming', async () => {
		const { saver, save } = scheduler()
		save.mockRejectedValue(new Error('app down'))
		saver.changed()
		await vi.advanceTimersByTimeAsync(PERSIST_DEBOUNCE_MS)
		for (let i = 0; i < 100; i++) {
			saver.changed()
			saver.flush()
			await vi.advanceTimersByTimeAsync(10)
		}
		// One failed save, then retries at 0.5 s; nothing else within the second of edits.
		expect(save.mock.calls.length).toBeLessThanOrEqual(2)
	})
})
