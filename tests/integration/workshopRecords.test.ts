import type { RecordId } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { parseCustomMessage } from '@/lib/protocol/customMessages'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import type { PhaseEventRecord } from '@/lib/session/records/walkRecords'
import { FIXTURE_SHAPE_ID, fixtureNaMark, fixturePhaseEvent, fixtureScopeItem, fixtureThreat, fixtureVote } from '@/fixtures/workshopRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'

// Threats, votes, n/a marks, scope and the walk's history travel like canvas edits: through the
// room's object lane, surviving a dropped connection and a crash of the room.

const harness = usePartyHarness(FAST_SAVES)

/** The threats in a set of records as [id, humanId], sorted, to count and name them at once. */
function threatsIn(records: readonly TLRecord[]): [string, string][] {
	return records
		.filter((record): record is ThreatRecord => record.typeName === 'threat')
		.map((threat): [string, string] => [threat.id, threat.humanId])
		.sort(([a], [b]) => a.localeCompare(b))
}

function humanIdOf(records: readonly TLRecord[], id: string): string | null {
	const record = records.find((candidate) => candidate.id === id)
	return record && 'humanId' in record && typeof record.humanId === 'string' ? record.humanId : null
}

describe('the workshop records in the room', () => {
	it("tells each session the room's time when its handshake completes, and again every few seconds", async () => {
		harness.app.addSession('clock', { 'tok-part': 'participant' })
		const client = harness.connect('clock', 'tok-part')
		await loaded(client)

		const clockMessage = () => client.customMessages.map(parseCustomMessage).find((message) => message?.type === 'clock')
		await expect.poll(clockMessage, { timeout: SYNC_TIMEOUT_MS }).toBeDefined()
		const message = clockMessage()
		// The room runs on this machine: its clock and ours agree to within the delivery time.
		expect(message?.type === 'clock' && Math.abs(message.serverNow - Date.now())).toBeLessThan(5_000)
		expect(message).toMatchObject({ handshake: true })
		// A browser busy mounting the canvas reads the handshake's late; the later ones correct it.
		const later = () => client.customMessages.map(parseCustomMessage).filter((each) => each?.type === 'clock' && !each.handshake)
		await expect.poll(() => later().length, { timeout: SYNC_TIMEOUT_MS }).toBeGreaterThan(0)
	})

	it("refuses a threat or n/a mark whose category is not of the session's framework, and says why", async () => {
		harness.app.addSession('linddun', { 'tok-part': 'participant', 'tok-fac': 'facilitator' }, 'LINDDUN')
		const writer = harness.connect('linddun', 'tok-part', 'Pat', 'pat')
		const facilitator = harness.connect('linddun', 'tok-fac', 'Fay', 'fay')
		await loaded(writer, facilitator)

		writer.store.put([fixtureThreat({ id: 'threat:stride' as ThreatId, categories: ['S'] })])
		facilitator.store.put([fixtureNaMark(FIXTURE_SHAPE_ID, 'T')])
		writer.store.put([fixtureThreat({ id: 'threat:linddun' as ThreatId, categories: ['L'] })])

		await expect.poll(() => humanIdOf(facilitator.store.allRecords(), 'threat:linddun'), { timeout: SYNC_TIMEOUT_MS }).toBe('T-001')
		await expect
			.poll(() => rejectionsOf(writer).map((message) => [message.recordId, message.reason]), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([['threat:stride', REJECTION_REASON.threatCategory]])
		await expect.poll(() => rejectionsOf(facilitator).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.naMarkCategory])
		const ids = (records: readonly TLRecord[]) => records.map((record) => record.id)
		expect(ids(writer.store.allRecords())).not.toContain('threat:stride')
		expect(ids(facilitator.store.allRecords()).filter((id) => id.startsWith('na-mark:'))).toEqual([])
	})

	it('delivers a threat added offline exactly once after the reconnect, with one T-number', async () => {
		const session = harness.app.addSession('offline', { 'tok-part': 'participant', 'tok-fac': 'facilitator' })
		const writer = harness.connect('offline', 'tok-part', 'Pat', 'pat')
		const watcher = harness.connect('offline', 'tok-fac', 'Fay', 'fay')
		await loaded(writer, watcher)

		writer.goOffline()
		const threat = fixtureThreat({ id: 'threat:offline' as ThreatId, title: 'Written on the train' })
		writer.store.put([threat])
		// Nothing leaves the writer while it is offline: the room saves the watcher's later write without it.
		const meanwhile = fixtureScopeItem({ id: 'scope-item:meanwhile' as RecordId<ScopeItemRecord>, title: 'Written while Pat is away' })
		watcher.store.put([meanwhile])
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === meanwhile.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(threatsIn(lastSavedRecords(session))).toEqual([])
		expect(threatsIn(watcher.store.allRecords())).toEqual([])

		writer.goOnline()
		const expected = [[threat.id, 'T-001']]
		await expect.poll(() => threatsIn(watcher.store.allRecords()), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		await expect.poll(() => threatsIn(writer.store.allRecords()), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		await expect.poll(() => threatsIn(lastSavedRecords(session)), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		expect(session.saves.at(-1)?.humanIdCounters).toMatchObject({ T: 1 })
		expect(watcher.store.get(threat.id)).toMatchObject({ createdBy: await userIdFor('pat'), createdByName: 'Pat', title: 'Written on the train' })
		expect(rejectionsOf(writer)).toEqual([])
	})

	it('keeps every workshop record through a crash of the room and never hands out a used number again', async () => {
		const session = harness.app.addSession('crash', { 'tok-fac': 'facilitator' })
		const before = harness.connect('crash', 'tok-fac', 'Fay', 'fay')
		await loaded(before)
		const startedAt = Date.now()

		const first = fixtureThreat({ id: 'threat:first' as ThreatId })
		const second = fixtureThreat({ id: 'threat:second' as ThreatId, categories: ['T'] })
		const asset = fixtureScopeItem({ id: 'scope-item:cards' as RecordId<ScopeItemRecord> })
		const phase = fixturePhaseEvent({ id: 'phase-event:analyse' as RecordId<PhaseEventRecord>, phase: 'analyse', at: 1 })
		before.store.put([first, second, asset, phase, fixtureVote(first.id, await userIdFor('fay')), fixtureNaMark(FIXTURE_SHAPE_ID, 'R')])
		await expect.poll(() => humanIdOf(before.store.allRecords(), asset.id), { timeout: SYNC_TIMEOUT_MS }).toBe('A1')
		before.store.remove([asset.id])
		await expect
			.poll(
				() =>
					lastSavedRecords(session)
						.map((record) => record.typeName)
						.sort(),
				{ timeout: SYNC_TIMEOUT_MS },
			)
			.toEqual(expect.arrayContaining(['na-mark', 'phase-event', 'threat', 'threat', 'vote']))
		// Saves come quickly here: one may have caught the asset before its removal arrived.
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === asset.id), { timeout: SYNC_TIMEOUT_MS }).toBe(false)
		await expect.poll(() => session.saves.at(-1)?.humanIdCounters, { timeout: SYNC_TIMEOUT_MS }).toEqual({ T: 2, A: 1 })
		const saved = lastSavedRecords(session).filter((record) => record.typeName !== 'shape')
		before.close()

		await harness.crashAndRestart()

		const after = harness.connect('crash', 'tok-fac', 'Fay', 'fay')
		await loaded(after)
		const reloaded = after.store.allRecords()
		for (const record of saved) expect(reloaded).toContainEqual(record)
		expect(threatsIn(reloaded)).toEqual([
			[first.id, 'T-001'],
			[second.id, 'T-002'],
		])
		// Stamped with the room's clock, not the 1 the client sent.
		expect(after.store.get(phase.id)?.at).toBeGreaterThanOrEqual(startedAt - 5_000)

		const third = fixtureThreat({ id: 'threat:third' as ThreatId })
		const nextAsset = fixtureScopeItem({ id: 'scope-item:keys' as RecordId<ScopeItemRecord>, title: 'Signing keys' })
		after.store.put([third, nextAsset])
		await expect.poll(() => humanIdOf(after.store.allRecords(), third.id), { timeout: SYNC_TIMEOUT_MS }).toBe('T-003')
		await expect.poll(() => humanIdOf(after.store.allRecords(), nextAsset.id), { timeout: SYNC_TIMEOUT_MS }).toBe('A2')
	})
})
