import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../roles'
import type { RecordWrite } from './authorizeSessionRecords'
import { create, NOW, remove, type Session, sessionOf, setup, update } from '@/tests/fixtures/authorizer'
import type { SessionEventId } from './records/sessionEventRecord'
import { REJECTION_REASON as R } from './rejectionReasons'
import { SessionLifecycle } from './sessionLifecycle'
import {
	FIXTURE_SHAPE_ID,
	fixtureDecision,
	fixtureNaMark,
	fixturePhaseEvent,
	fixtureScopeItem,
	fixtureSessionEvent,
	fixtureThreat,
	fixtureTimerEvent,
	fixtureVote,
	fixtureWalk,
} from '@/fixtures/workshopRecords'

// An ended session is read-only for everyone; the facilitator's reopen is the one write it takes.
// (The canvas records get the same gate in party/roomAuthorizers.test.ts.)

const ENDED_AT = NOW - 60_000
const endedLifecycle = () => new SessionLifecycle([fixtureSessionEvent({ at: ENDED_AT })])
const reopen = (id = 'session-event:reopen') => fixtureSessionEvent({ id: id as SessionEventId, action: 'reopen', nextSessionDate: '' })

/** One write per workshop record family, each one the role could make in an open session. */
const WRITES: { family: string; write: (session: Session) => RecordWrite }[] = [
	{ family: 'threat', write: (s) => create(s, fixtureThreat()) },
	{
		family: 'threat edit',
		write: (s) => update(s, fixtureThreat({ createdBy: s.meta.userId }), fixtureThreat({ createdBy: s.meta.userId, title: 'Edited' })),
	},
	{ family: 'vote', write: (s) => create(s, fixtureVote(fixtureThreat().id, s.meta.userId)) },
	{ family: 'vote withdrawal', write: (s) => remove(s, fixtureVote(fixtureThreat().id, s.meta.userId)) },
	{ family: 'n/a mark', write: (s) => create(s, fixtureNaMark(FIXTURE_SHAPE_ID, 'S')) },
	{ family: 'scope item', write: (s) => create(s, fixtureScopeItem()) },
	{ family: 'walk', write: (s) => update(s, fixtureWalk(), fixtureWalk({ focusShapeId: FIXTURE_SHAPE_ID })) },
	{ family: 'phase change', write: (s) => create(s, fixturePhaseEvent()) },
	{ family: 'timer action', write: (s) => create(s, fixtureTimerEvent()) },
	{ family: 'decision', write: (s) => create(s, fixtureDecision({ onBehalfOf: 'Paula' })) },
	{ family: 'second end', write: (s) => create(s, fixtureSessionEvent({ id: 'session-event:again' as SessionEventId })) },
]

const CASES = WRITES.flatMap(({ family, write }) =>
	ROLES.map((role: Role) => ({ family, role, write, reason: role === 'observer' ? R.observer : R.sessionEnded })),
)

describe('an ended session', () => {
	it.each(CASES)('refuses the $role a $family: "$reason"', ({ role, write, reason }) => {
		const { authorize, rejections } = setup({}, endedLifecycle())
		expect(authorize(write(sessionOf(role)))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([reason])
	})

	it('lets only the facilitator reopen it', () => {
		const { authorize, rejections } = setup({}, endedLifecycle())
		expect(authorize(create(sessionOf('participant'), reopen()))).toBeNull()
		expect(authorize(create(sessionOf('productOwner'), reopen()))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.sessionEnded, R.sessionEnded])
		expect(authorize(create(sessionOf('facilitator'), reopen()))).toMatchObject({ action: 'reopen', by: 'fay', at: NOW })
	})

	it('takes writes again once reopened, and refuses them again once ended anew', () => {
		const { authorize, lifecycle } = setup({}, endedLifecycle())
		const threat = (id: string): TLRecord => fixtureThreat({ id: `threat:${id}` as ReturnType<typeof fixtureThreat>['id'] })
		authorize(create(sessionOf('facilitator'), reopen()))
		expect(lifecycle.isEnded).toBe(false)
		expect(authorize(create(sessionOf('participant'), threat('after-reopen')))).toMatchObject({ humanId: 'T-001' })

		authorize(create(sessionOf('facilitator'), fixtureSessionEvent({ id: 'session-event:end2' as SessionEventId })))
		expect(lifecycle.isEnded).toBe(true)
		expect(authorize(create(sessionOf('participant'), threat('after-end')))).toBeNull()
	})

	it('stamps an event strictly after the latest one, so a reopen in the same millisecond still wins', () => {
		const lifecycle = new SessionLifecycle([fixtureSessionEvent({ id: 'session-event:zzz' as SessionEventId, at: NOW })])
		const { authorize } = setup({}, lifecycle)
		// 'session-event:reopen' sorts before 'session-event:zzz': with the same stamp the end would stay in force.
		expect(authorize(create(sessionOf('facilitator'), reopen()))).toMatchObject({ at: NOW + 1 })
		expect(lifecycle.isEnded).toBe(false)
	})
})

describe('ending and reopening', () => {
	it("stamps the facilitator and the room's clock, and keeps the next session's date", () => {
		const { authorize, lifecycle } = setup()
		const sent = fixtureSessionEvent({ at: 1, by: 'forged', byName: 'Forged', nextSessionDate: '2026-05-04' })
		expect(authorize(create(sessionOf('facilitator'), sent))).toEqual({ ...sent, at: NOW, by: 'fay', byName: 'Fay' })
		expect(lifecycle.isEnded).toBe(true)
	})

	it('clears a next-session date sent with a reopen: only an end plans the next session', () => {
		const { authorize } = setup({}, endedLifecycle())
		expect(authorize(create(sessionOf('facilitator'), { ...reopen(), nextSessionDate: '2026-05-04' }))).toMatchObject({
			nextSessionDate: '',
		})
	})

	it('neither ends the session nor reports anything for an invalid end, which the room refuses', () => {
		const { authorize, lifecycle, rejections } = setup()
		const invalid = fixtureSessionEvent({ nextSessionDate: 'soon' })
		expect(authorize(create(sessionOf('facilitator'), invalid))).toEqual(invalid)
		expect(lifecycle.isEnded).toBe(false)
		expect(rejections).toEqual([])
	})

	it('does not end the session for a participant who tries', () => {
		const { authorize, lifecycle } = setup()
		expect(authorize(create(sessionOf('participant'), fixtureSessionEvent()))).toBeNull()
		expect(lifecycle.isEnded).toBe(false)
	})
})
