import { describe, expect, it } from 'vitest'
import type { SessionEventAction } from './records/sessionEventRecord'
import { SessionLifecycle } from './sessionLifecycle'

const event = (id: string, action: SessionEventAction, at: number) => ({ id: `session-event:${id}`, action, at })

describe('SessionLifecycle', () => {
	it('starts from the loaded events', () => {
		expect(new SessionLifecycle().isEnded).toBe(false)
		const ended = new SessionLifecycle([event('a', 'end', 10)])
		expect(ended.isEnded).toBe(true)
		expect(ended.latestAt).toBe(10)
	})

	it('obeys an authorized event at once, before its push commits', () => {
		const lifecycle = new SessionLifecycle()
		lifecycle.provisionally(event('a', 'end', 10))
		expect(lifecycle.isEnded).toBe(true)
	})

	it('ignores an event older than the one in force', () => {
		const lifecycle = new SessionLifecycle([event('b', 'reopen', 20)])
		lifecycle.provisionally(event('a', 'end', 10))
		expect(lifecycle.isEnded).toBe(false)
	})

	it('puts the flag back when the push that carried the event was rolled back', () => {
		const lifecycle = new SessionLifecycle()
		lifecycle.provisionally(event('a', 'end', 10))
		lifecycle.settle(() => [])
		expect(lifecycle.isEnded).toBe(false)
	})

	it('keeps a committed event after settling', () => {
		const lifecycle = new SessionLifecycle()
		const end = event('a', 'end', 10)
		lifecycle.provisionally(end)
		lifecycle.settle(() => [end])
		expect(lifecycle.isEnded).toBe(true)
	})

	it('reads the store only after a push that carried a session event', () => {
		const lifecycle = new SessionLifecycle()
		let reads = 0
		const committed = () => {
			reads++
			return []
		}
		lifecycle.settle(committed)
		lifecycle.provisionally(event('a', 'end', 10))
		lifecycle.settle(committed)
		lifecycle.settle(committed)
		expect(reads).toBe(1)
	})
})
