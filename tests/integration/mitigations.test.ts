import { readFileSync } from 'node:fs'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { MitigationId, MitigationRecord } from '@/lib/session/records/mitigationRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { fixtureMitigation, fixtureThreat } from '@/fixtures/workshopRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, usePartyHarness } from '../support/partyHarness'

// Mitigations are plain workshop records: proposed by anyone taking part, planned by the
// facilitator and the product owner, stamped and kept by the room like threats.

const harness = usePartyHarness(FAST_SAVES)

const BEFORE_MITIGATION_RECORDS = z
	.record(z.string(), z.unknown())
	.parse(JSON.parse(readFileSync(new URL('../fixtures/snapshots/snapshot-before-mitigation-records.json', import.meta.url), 'utf8')))

function mitigationIn(records: readonly TLRecord[], id: string): MitigationRecord | undefined {
	return records.find((record): record is MitigationRecord => record.typeName === 'mitigation' && record.id === id)
}

const REPLAY = 'threat:replay' as ThreatId
const TAMPER = 'threat:tamper' as ThreatId
const PROPOSED = 'mitigation:bind' as MitigationId

describe('mitigations in the room', () => {
	it('are proposed by a participant, numbered by the room, linked by the product owner and refused to others', async () => {
		const session = harness.app.addSession('plan', { 'tok-part': 'participant', 'tok-po': 'productOwner', 'tok-obs': 'observer', 'tok-other': 'participant' })
		const pat = harness.connect('plan', 'tok-part', 'Pat', 'pat')
		const paula = harness.connect('plan', 'tok-po', 'Paula', 'paula')
		const omar = harness.connect('plan', 'tok-obs', 'Omar', 'omar')
		const dana = harness.connect('plan', 'tok-other', 'Dana', 'dana')
		await loaded(pat, paula, omar, dana)

		pat.store.put([fixtureThreat({ id: REPLAY }), fixtureThreat({ id: TAMPER, title: 'Order total tampered', categories: ['T'] })])
		pat.store.put([fixtureMitigation({ id: PROPOSED, threatIds: [REPLAY], humanId: 'M-999', createdByName: 'Forged' })])
		await expect.poll(() => mitigationIn(paula.store.allRecords(), PROPOSED)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('M-001')
		expect(mitigationIn(paula.store.allRecords(), PROPOSED)).toMatchObject({ createdByName: 'Pat', threatIds: [REPLAY] })

		// The product owner links it to a second threat and starts it: one mitigation, two threats.
		const seen = mitigationIn(paula.store.allRecords(), PROPOSED)
		if (!seen) throw new Error('the product owner sees the mitigation')
		paula.store.put([{ ...seen, threatIds: [REPLAY, TAMPER], status: 'inProgress' }])
		await expect.poll(() => mitigationIn(pat.store.allRecords(), PROPOSED)?.threatIds, { timeout: SYNC_TIMEOUT_MS }).toEqual([REPLAY, TAMPER])

		// Another participant may not change it; an observer may not propose one.
		const linked = mitigationIn(dana.store.allRecords(), PROPOSED)
		if (!linked) throw new Error('everyone sees the mitigation')
		dana.store.put([{ ...linked, status: 'wontDo' }])
		omar.store.put([fixtureMitigation({ id: 'mitigation:observer' as MitigationId })])
		await expect.poll(() => rejectionsOf(dana).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.mitigationNotOwn])
		await expect.poll(() => mitigationIn(pat.store.allRecords(), PROPOSED)?.status, { timeout: SYNC_TIMEOUT_MS }).toBe('inProgress')
		expect(mitigationIn(pat.store.allRecords(), 'mitigation:observer')).toBeUndefined()

		await expect.poll(() => mitigationIn(lastSavedRecords(session), PROPOSED)?.threatIds, { timeout: SYNC_TIMEOUT_MS }).toEqual([REPLAY, TAMPER])
		await expect.poll(() => session.saves.at(-1)?.humanIdCounters, { timeout: SYNC_TIMEOUT_MS }).toMatchObject({ M: 1 })
	})

	it('survive a crash of the room, and a restart of the app from what it saved, and keep their numbers', async () => {
		const session = harness.app.addSession('keep', { 'tok-fac': 'facilitator' })
		const fay = harness.connect('keep', 'tok-fac', 'Fay', 'fay')
		await loaded(fay)
		fay.store.put([fixtureThreat({ id: REPLAY }), fixtureMitigation({ id: PROPOSED, threatIds: [REPLAY], status: 'inPlace' })])
		await expect.poll(() => mitigationIn(lastSavedRecords(session), PROPOSED)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('M-001')
		fay.close()

		await harness.crashAndRestart()
		const afterCrash = harness.connect('keep', 'tok-fac', 'Fay', 'fay')
		await loaded(afterCrash)
		expect(mitigationIn(afterCrash.store.allRecords(), PROPOSED)).toMatchObject({ humanId: 'M-001', status: 'inPlace', threatIds: [REPLAY] })
		afterCrash.store.put([fixtureMitigation({ id: 'mitigation:second' as MitigationId, threatIds: [REPLAY] })])
		await expect.poll(() => mitigationIn(afterCrash.store.allRecords(), 'mitigation:second')?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('M-002')
		await expect.poll(() => mitigationIn(lastSavedRecords(session), 'mitigation:second')?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('M-002')
		afterCrash.close()

		// A restarted app has only what it saved: a room that starts from that alone has both.
		const restored = harness.app.addSession('restored', { 'tok-fac': 'facilitator' })
		restored.canvas = session.canvas
		const reader = harness.connect('restored', 'tok-fac', 'Fay', 'fay')
		await loaded(reader)
		expect(mitigationIn(reader.store.allRecords(), PROPOSED)).toMatchObject({ humanId: 'M-001', status: 'inPlace' })
		expect(mitigationIn(reader.store.allRecords(), 'mitigation:second')).toMatchObject({ humanId: 'M-002' })
	})

	it('come out of a session saved before they were records, and new ones are numbered after them', async () => {
		const session = harness.app.addSession('older', { 'tok-fac': 'facilitator' })
		session.canvas = { snapshot: BEFORE_MITIGATION_RECORDS, clock: 7, humanIdCounters: { P: 1, T: 3 } }
		const fay = harness.connect('older', 'tok-fac', 'Fay', 'fay')
		await loaded(fay)
		const records = fay.store.allRecords()
		expect(mitigationIn(records, 'mitigation:legacy-t1')).toMatchObject({
			humanId: 'M-001',
			threatIds: ['threat:t1'],
			owner: 'Identity team',
			dueDate: '2026-03-31',
		})
		expect(mitigationIn(records, 'mitigation:legacy-t3')).toMatchObject({ humanId: 'M-002', status: 'inPlace' })
		expect(records.find((record) => record.id === 'threat:t1')).not.toHaveProperty('mitigation')

		fay.store.put([fixtureMitigation({ id: 'mitigation:new' as MitigationId })])
		await expect.poll(() => mitigationIn(fay.store.allRecords(), 'mitigation:new')?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('M-003')
	})
})
