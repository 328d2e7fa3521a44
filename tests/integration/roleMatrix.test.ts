import type { TLPageId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROLES } from '@/lib/roles'
import { dfdShape } from '../support/canvasRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { ROLE_ACTION_ATTEMPTS, seededCanvas } from '../support/roleActions'
import { recordsOfSnapshot } from '../support/savedRecords'
import { OUTSIDERS, REFUSED_AT_THE_DOOR, ROLE_ACTIONS, ROLE_MATRIX, roomOutcome } from '@/fixtures/roleMatrix'

// The role matrix (fixtures/roleMatrix.ts) through the real room: each role tries each action
// in a fresh seeded session while a facilitator watches. An allowed write reaches the watcher and
// the saved snapshot; a refused one reaches neither, and its author is told why. Someone without a
// link of the session (no token, or another session's) is turned away at the door.

const harness = usePartyHarness(FAST_SAVES)

const ACTOR_USER_ID = await userIdFor('actor')
const CASES = ROLE_ACTIONS.flatMap((action) =>
	ROLES.map((role) => ({ role, action, label: ROLE_MATRIX[action].label, outcome: ROLE_MATRIX[action].outcome[role] })),
)

describe('the role matrix in the room', () => {
	it.each(CASES)('$role: $label → $outcome', async ({ role, action, outcome }) => {
		const sessionId = `matrix-${role}-${action}`
		const session = harness.app.addSession(sessionId, { 'tok-actor': role, 'tok-watcher': 'facilitator' })
		session.canvas = seededCanvas(ACTOR_USER_ID)
		const actor = harness.connect(sessionId, 'tok-actor', 'Actor', 'actor')
		const watcher = harness.connect(sessionId, 'tok-watcher', 'Watcher', 'watcher')
		await loaded(actor, watcher)

		const attempt = ROLE_ACTION_ATTEMPTS[action](actor, ACTOR_USER_ID)

		if (outcome === 'allowed') {
			await expect.poll(() => attempt.landed(watcher.store.allRecords()), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
			await expect.poll(() => attempt.landed(lastSavedRecords(session)), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
			expect(rejectionsOf(actor)).toEqual([])
			return
		}

		const { recordType, recordId, action: writeAction } = attempt
		await expect
			.poll(() => rejectionsOf(actor), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([{ type: 'rejected', recordType, recordId, action: writeAction, reason: outcome }])
		// The room handled the refused push before it sent the rejection; once a later edit of the
		// watcher is saved, anything the refused write could have changed would be visible.
		const marker = dfdShape('dfd-entity', 'page:page' as TLPageId, { name: 'Marker' })
		watcher.store.put([marker])
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === marker.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(attempt.landed(lastSavedRecords(session))).toBe(false)
		expect(attempt.landed(watcher.store.allRecords())).toBe(false)
		await expect.poll(() => attempt.landed(actor.store.allRecords()), { timeout: SYNC_TIMEOUT_MS }).toBe(false)
		expect(actor.syncError()).toBeNull()
	})
})

const OUTSIDER_CASES = ROLE_ACTIONS.flatMap((action) =>
	OUTSIDERS.map((outsider) => ({ outsider, action, label: ROLE_MATRIX[action].label, outcome: roomOutcome(action, outsider) })),
)

describe('the role matrix in the room: no link of this session', () => {
	it.each(OUTSIDER_CASES)('$outsider: $label → $outcome', async ({ outsider, action, outcome }) => {
		expect(outcome).toBe(REFUSED_AT_THE_DOOR)
		const sessionId = `matrix-${outsider}-${action}`
		const session = harness.app.addSession(sessionId, { 'tok-watcher': 'facilitator' })
		session.canvas = seededCanvas(ACTOR_USER_ID)
		// Its facilitator's link: the strongest there is, and worth nothing in this session.
		harness.app.addSession(`matrix-elsewhere-${outsider}-${action}`, { 'tok-elsewhere': 'facilitator' })
		const watcher = harness.connect(sessionId, 'tok-watcher', 'Watcher', 'watcher')
		const actor = harness.connect(sessionId, outsider === 'none' ? '' : 'tok-elsewhere', 'Actor', 'actor')
		await loaded(watcher)

		await expect.poll(() => actor.syncError(), { timeout: SYNC_TIMEOUT_MS }).toBe(REFUSED_AT_THE_DOOR)
		expect(actor.isLoaded()).toBe(false)
		// Even knowing every record (a copy of the board from earlier), what the outsider writes stays in
		// their own store: the room never took the socket in.
		actor.store.put(recordsOfSnapshot(seededCanvas(ACTOR_USER_ID).snapshot))
		const attempt = ROLE_ACTION_ATTEMPTS[action](actor, ACTOR_USER_ID)
		const marker = dfdShape('dfd-entity', 'page:page' as TLPageId, { name: 'Marker' })
		watcher.store.put([marker])
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === marker.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(attempt.landed(lastSavedRecords(session))).toBe(false)
		expect(attempt.landed(watcher.store.allRecords())).toBe(false)
		expect(rejectionsOf(actor)).toEqual([])
	})
})
