import { describe, expect, it } from 'vitest'
import { type SessionEndEvent, sessionEndState } from './sessionEndState'

function event(action: SessionEndEvent['action'], at: number, id = `e${at}`, nextSessionDate = ''): SessionEndEvent {
	return { id, action, at, nextSessionDate, byName: 'Fiona' }
}

describe('sessionEndState', () => {
	it('is open before anyone ended it', () => {
		expect(sessionEndState([])).toEqual({ ended: false })
	})

	it('is ended by the latest end, with its next session date', () => {
		expect(sessionEndState([event('end', 10, 'a', '2026-01-15')])).toEqual({
			ended: true,
			endedAt: 10,
			nextSessionDate: '2026-01-15',
			endedByName: 'Fiona',
		})
	})

	it('follows the history in the room’s order, whatever order the records arrive in', () => {
		expect(sessionEndState([event('reopen', 20), event('end', 10)])).toEqual({ ended: false })
		expect(sessionEndState([event('end', 30, 'c', '2026-02-01'), event('reopen', 20), event('end', 10)])).toMatchObject({
			ended: true,
			endedAt: 30,
			nextSessionDate: '2026-02-01',
		})
	})

	it('breaks a tie in the same millisecond by id, so every client agrees', () => {
		expect(sessionEndState([event('reopen', 10, 'b'), event('end', 10, 'a')]).ended).toBe(false)
		expect(sessionEndState([event('reopen', 10, 'a'), event('end', 10, 'b')]).ended).toBe(true)
	})
})
