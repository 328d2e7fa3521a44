import { describe, expect, it } from 'vitest'
import {
	forgetSession,
	parseRememberedSessions,
	REMEMBERED_SESSIONS_MAX,
	type RememberedSession,
	rememberSession,
	sessionLinkParts,
	sessionPath,
} from './rememberedSessions'

function entry(overrides: Partial<RememberedSession> = {}): RememberedSession {
	return { id: 'S1', token: 'tok-facilitator', role: 'facilitator', name: 'Payments', seenAt: 1, ...overrides }
}

describe('rememberSession', () => {
	it('puts the latest session first, once', () => {
		const list = rememberSession(rememberSession([], entry({ id: 'A' })), entry({ id: 'B', seenAt: 2 }))
		expect(list.map((session) => session.id)).toEqual(['B', 'A'])
		expect(rememberSession(list, entry({ id: 'A', seenAt: 3 })).map((session) => session.id)).toEqual(['A', 'B'])
	})

	it('keeps the facilitator’s link when the same browser opens a lesser link of the session', () => {
		const list = rememberSession([entry()], entry({ token: 'tok-participant', role: 'participant', seenAt: 5 }))
		expect(list).toEqual([entry({ seenAt: 5 })])
	})

	it('takes the stronger link when it comes later', () => {
		const list = rememberSession([entry({ token: 'tok-observer', role: 'observer' })], entry({ seenAt: 2 }))
		expect(list).toEqual([entry({ seenAt: 2 })])
	})

	it('keeps a known name when the new entry has none', () => {
		expect(rememberSession([entry()], entry({ name: '', seenAt: 2 }))[0]?.name).toBe('Payments')
	})

	it('holds a bounded number of sessions', () => {
		let list: RememberedSession[] = []
		for (let i = 0; i < REMEMBERED_SESSIONS_MAX + 5; i++) list = rememberSession(list, entry({ id: `S${i}`, seenAt: i }))
		expect(list).toHaveLength(REMEMBERED_SESSIONS_MAX)
		expect(list[0]?.id).toBe(`S${REMEMBERED_SESSIONS_MAX + 4}`)
	})
})

describe('forgetSession', () => {
	it('drops the session from this browser’s list', () => {
		expect(forgetSession([entry({ id: 'A' }), entry({ id: 'B' })], 'A').map((session) => session.id)).toEqual(['B'])
	})
})

describe('parseRememberedSessions', () => {
	it('keeps the well-formed entries of what storage holds and drops the rest', () => {
		expect(parseRememberedSessions([entry(), { id: 'x' }, 'junk', entry({ id: 'S2', role: 'observer' })])).toEqual([
			entry(),
			entry({ id: 'S2', role: 'observer' }),
		])
		expect(parseRememberedSessions({ not: 'a list' })).toEqual([])
		expect(parseRememberedSessions(null)).toEqual([])
	})
})

describe('session links', () => {
	it('splits a session link into its id and token', () => {
		expect(sessionLinkParts('http://localhost:3000/s/B5s8VfObXiqv#NKvdIKNAb1IZW_3gtZ50ORjm')).toEqual({
			id: 'B5s8VfObXiqv',
			token: 'NKvdIKNAb1IZW_3gtZ50ORjm',
		})
		expect(sessionLinkParts('http://localhost:3000/s/B5s8VfObXiqv')).toBeNull()
		expect(sessionLinkParts('http://localhost:3000/elsewhere#tok')).toBeNull()
		expect(sessionLinkParts('not a url')).toBeNull()
	})

	it('builds the same-origin path a remembered session opens with', () => {
		expect(sessionPath({ id: 'S1', token: 'tok' })).toBe('/s/S1#tok')
	})
})
