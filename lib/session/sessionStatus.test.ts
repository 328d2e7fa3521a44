import { describe, expect, it } from 'vitest'
import type { SessionEventAction } from './records/sessionEventRecord'
import { isSessionEnded, latestSessionEvent, sessionStatusOf } from './sessionStatus'

const event = (id: string, action: SessionEventAction, at: number) => ({ id: `session-event:${id}`, action, at })

describe('the status of a session from its ends and reopens', () => {
	it('is active before the first event', () => {
		expect(sessionStatusOf([])).toBe('active')
		expect(isSessionEnded([])).toBe(false)
		expect(latestSessionEvent([])).toBeNull()
	})

	it('follows the latest event by time, in whatever order the events come', () => {
		const ended = [event('b', 'end', 30), event('a', 'end', 10), event('c', 'reopen', 20)]
		expect(sessionStatusOf(ended)).toBe('ended')
		const reopened = [event('c', 'reopen', 40), ...ended]
		expect(sessionStatusOf(reopened)).toBe('active')
		expect(isSessionEnded(reopened)).toBe(false)
	})

	it('breaks a tie in time by id, so every reader agrees', () => {
		const tied = [event('b', 'reopen', 10), event('a', 'end', 10)]
		expect(latestSessionEvent(tied)?.id).toBe('session-event:b')
		expect(sessionStatusOf(tied)).toBe('active')
		expect(sessionStatusOf([...tied].reverse())).toBe('active')
	})
})
