import { describe, expect, it } from 'vitest'
import { JOINED_SESSIONS_MAX, parseJoinedSessions, withJoinedSession } from './joinedSessions'

describe('joined sessions', () => {
	it('puts the session just joined first, once', () => {
		expect(withJoinedSession(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c'])
		expect(withJoinedSession([], 'a')).toEqual(['a'])
	})

	it('forgets the oldest beyond the limit', () => {
		const full = Array.from({ length: JOINED_SESSIONS_MAX }, (_, index) => `s${index}`)
		const next = withJoinedSession(full, 'new')
		expect(next).toHaveLength(JOINED_SESSIONS_MAX)
		expect(next[0]).toBe('new')
		expect(next).not.toContain(`s${JOINED_SESSIONS_MAX - 1}`)
	})

	it('trusts nothing in storage but a list of session ids', () => {
		expect(parseJoinedSessions(null)).toEqual([])
		expect(parseJoinedSessions({ a: 1 })).toEqual([])
		expect(parseJoinedSessions(['a', 3, '', 'x'.repeat(65), 'b'])).toEqual(['a', 'b'])
	})
})
