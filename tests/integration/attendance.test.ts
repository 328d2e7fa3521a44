import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { sessionModelFromStore } from '@/lib/canvas/sessionModelFromStore'
import type { AttendanceRecord } from '@/lib/session/records/attendanceRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'

// The room's guest book: observers write nothing, so the room itself records who joined, and the
// report can list them.

const harness = usePartyHarness(FAST_SAVES)

const guestsIn = (records: readonly TLRecord[]) =>
	records.filter((record): record is AttendanceRecord => record.typeName === 'attendance').map(({ name, role }) => ({ name, role }))

describe('the guest book', () => {
	it('records an observer who only watched, saves it, and the report lists them as an observer', async () => {
		const session = harness.app.addSession('guest-book', { 'tok-fac': 'facilitator', 'tok-obs': 'observer' })
		const facilitator = harness.connect('guest-book', 'tok-fac', 'Fay', 'fay')
		const observer = harness.connect('guest-book', 'tok-obs', 'Olga', 'olga')
		await loaded(facilitator, observer)

		const expected = [
			{ name: 'Fay', role: 'facilitator' },
			{ name: 'Olga', role: 'observer' },
		]
		const byName = (list: { name: string }[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))
		await expect.poll(() => byName(guestsIn(facilitator.store.allRecords())), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		await expect.poll(() => byName(guestsIn(lastSavedRecords(session))), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		const saved = lastSavedRecords(session).find((record) => record.typeName === 'attendance' && record.name === 'Olga')
		expect(saved).toMatchObject({ userId: await userIdFor('olga') })

		const model = sessionModelFromStore({
			session: { id: 'guest-book', name: 'Guests', description: '', framework: 'STRIDE', status: 'active', createdAt: 0 },
			records: lastSavedRecords(session),
			exportedAt: 1,
		})
		expect(model.participants).toEqual(expected)
	})

	it('refuses a client that writes itself into the guest book', async () => {
		harness.app.addSession('guest-forgery', { 'tok-fac': 'facilitator' })
		const facilitator = harness.connect('guest-forgery', 'tok-fac', 'Fay', 'fay')
		await loaded(facilitator)
		const forged: AttendanceRecord = {
			id: 'attendance:someone' as AttendanceRecord['id'],
			typeName: 'attendance',
			userId: 'someone',
			name: 'Mallory',
			role: 'facilitator',
			firstJoinedAt: 1,
		}
		facilitator.store.put([forged])
		await expect.poll(() => rejectionsOf(facilitator).map((rejection) => rejection.reason), { timeout: SYNC_TIMEOUT_MS }).toContain(REJECTION_REASON.attendance)
		await expect.poll(() => facilitator.store.get(forged.id), { timeout: SYNC_TIMEOUT_MS }).toBeUndefined()
	})
})
