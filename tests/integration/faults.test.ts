import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { allAcknowledged, firstTurnWhen, recordsOf, writeRound } from '../support/faultRecords'
import { lastSavedRecords, loaded, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { recordsOfSnapshot } from '../support/savedRecords'
import { SEED_PROCESS_ID, seededCanvas } from '../support/roleActions'
import type { TestClient } from '../support/syncClient'

// Faults injected into a real room (`partykit dev`) while headless tldraw clients work in it: the
// room killed with SIGKILL right after acknowledging writes, and people editing the same threat
// and the same shape at the same moment. The production save debounce (1 s), so a crash lands
// where a debounced save alone would lose what was acknowledged.

const harness = usePartyHarness()

const ROUNDS = 3

async function openWorkshop(id: string) {
	const session = harness.app.addSession(id, { 'tok-fac': 'facilitator', 'tok-part': 'participant', 'tok-po': 'productOwner' })
	const [participantId, productOwnerId] = await Promise.all([userIdFor('pat'), userIdFor('pol')])
	session.canvas = seededCanvas(participantId)
	const facilitator = harness.connect(id, 'tok-fac', 'Fay', 'fay')
	const participant = harness.connect(id, 'tok-part', 'Pat', 'pat')
	const productOwner = harness.connect(id, 'tok-po', 'Pol', 'pol')
	await loaded(facilitator, participant, productOwner)
	return { session, people: { facilitator, participant, productOwner, participantId, productOwnerId } }
}

function threatNumbers(records: readonly TLRecord[]): number[] {
	return records
		.filter((record): record is ThreatRecord => record.typeName === 'threat')
		.map((threat) => Number(threat.humanId.slice(2)))
		.sort((a, b) => a - b)
}

describe('a room that crashes', () => {
	it('keeps every write it acknowledged when it is killed before the app has saved it', async () => {
		const { session, people } = await openWorkshop('crash-acked')
		const clients = [people.facilitator, people.participant, people.productOwner]

		// Three rounds of everyone writing at once, each acknowledged before the next; the room is
		// killed as soon as the last round is, long before its debounced save.
		const written = new Map<TestClient, string[]>()
		for (let round = 1; round <= ROUNDS; round++) {
			for (const [client, ids] of writeRound(people, round, 'crash')) written.set(client, [...(written.get(client) ?? []), ...ids])
			await firstTurnWhen(() => allAcknowledged(clients), SYNC_TIMEOUT_MS, `round ${round} acknowledged`)
		}
		const crash = harness.crashAndRestart()
		// What each writer saw acknowledged: its records as the room stamped them.
		const acknowledged = new Map([...written].map(([client, ids]) => [client, recordsOf(client, [...new Set(ids)])]))
		const expected = [...acknowledged.values()].flat()
		// What the app had not saved when the room died: only the write-ahead copy can bring it back.
		// On a quiet machine that is everything; a busy one may let a debounced save land between
		// rounds, but never one after the last.
		const savedBeforeCrash = session.saves.flatMap((save) => recordsOfSnapshot(save.snapshot))
		const unsaved = expected.filter((record) => !savedBeforeCrash.some((saved) => isEqual(saved, record)))
		expect(unsaved.length).toBeGreaterThan(0)
		await crash

		// The clients reconnect by themselves and keep all of it; so does someone joining afresh.
		const newcomer = harness.connect('crash-acked', 'tok-fac', 'Nia', 'nia')
		await loaded(newcomer)
		for (const client of [...clients, newcomer]) {
			await expect.poll(() => expected.filter((record) => !isEqual(client.store.get(record.id), record)), { timeout: SYNC_TIMEOUT_MS }).toEqual([])
		}
		for (const record of expected) expect(newcomer.store.get(record.id)).toEqual(record)
		// The restarted room brought the app up to date from its write-ahead copy.
		await expect.poll(() => harness.partyOutput(), { timeout: SYNC_TIMEOUT_MS }).toMatch(/restored \d+ change\(s\) the app had not saved yet/)
		await expect
			.poll(() => expected.filter((record) => !lastSavedRecords(session).some((saved) => isEqual(saved, record))), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([])

		// Numbers handed out before the crash are never handed out again.
		const before = threatNumbers(newcomer.store.allRecords())
		const after = fixtureThreat({ id: 'threat:after-crash' as ThreatId, title: 'Written after the restart' })
		people.participant.store.put([after])
		await expect
			.poll(() => people.participant.store.get(after.id)?.humanId, { timeout: SYNC_TIMEOUT_MS })
			.toBe(`T-${String(Math.max(...before) + 1).padStart(3, '0')}`)
		console.info(
			`[faults] crash: ${ROUNDS} rounds, ${expected.length} acknowledged records from 3 clients ` +
				`(${clients.reduce((sum, client) => sum + client.acknowledgedPushes(), 0)} push results), ${unsaved.length} of them not saved by the app when the room was killed`,
		)
	})
})

describe('people editing the same thing at once', () => {
	it('keeps both changes to different fields of one threat, one value for the same field, one position for a shape', async () => {
		const { session, people } = await openWorkshop('concurrent')
		const { facilitator, participant, productOwner } = people
		const watcher = productOwner
		const clients = [facilitator, participant, watcher]
		const threatId = 'threat:own' as ThreatId

		const state = (client: TestClient) => [client.store.get(threatId), client.store.get(SEED_PROCESS_ID)]
		const converged = async () => {
			await firstTurnWhen(() => allAcknowledged(clients), SYNC_TIMEOUT_MS, 'acknowledged')
			await expect.poll(() => clients.every((client) => isEqual(state(client), state(watcher))), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		}
		const edit = (client: TestClient, change: Partial<ThreatRecord>) => {
			const threat = client.store.get(threatId)
			if (!threat) throw new Error('no threat')
			client.store.put([{ ...threat, ...change }])
		}
		const move = (client: TestClient, x: number, y: number) => {
			const shape = client.store.get(SEED_PROCESS_ID) as TLShape
			client.store.put([{ ...shape, x, y }])
		}

		for (let attempt = 1; attempt <= 5; attempt++) {
			// Different fields, same instant: the author retitles, the facilitator sets the status.
			edit(participant, { title: `Retitled by the author ${attempt}` })
			edit(facilitator, { status: attempt % 2 === 0 ? 'Confirmed' : 'Mitigation Planned' })
			await converged()
			expect(watcher.store.get(threatId)).toMatchObject({
				title: `Retitled by the author ${attempt}`,
				status: attempt % 2 === 0 ? 'Confirmed' : 'Mitigation Planned',
			})

			// The same field, same instant: one of the two wins, for everyone. A move is a change of x
			// and y: each is the last write the room took of it (the mover whose x or y did not change
			// sends only the other), and everyone ends with that one position.
			edit(participant, { description: `Pat's description ${attempt}` })
			edit(facilitator, { description: `Fay's description ${attempt}` })
			move(participant, 100 * attempt, 50)
			move(facilitator, -100 * attempt, 75)
			await converged()
			expect([`Pat's description ${attempt}`, `Fay's description ${attempt}`]).toContain(watcher.store.get(threatId)?.description)
			const shape = watcher.store.get(SEED_PROCESS_ID) as TLShape
			expect([100 * attempt, -100 * attempt]).toContain(shape.x)
			expect([50, 75]).toContain(shape.y)
		}

		// Both offline, both edit the same field and move the shape, both back at once: the same.
		participant.goOffline()
		facilitator.goOffline()
		edit(participant, { title: 'Offline title by the author', description: 'Pat' })
		edit(facilitator, { title: 'Offline title by the facilitator', status: 'Confirmed' })
		move(participant, 333, 444)
		move(facilitator, 555, 666)
		participant.goOnline()
		facilitator.goOnline()
		await converged()
		const final = watcher.store.get(threatId)
		expect(final).toMatchObject({ description: 'Pat', status: 'Confirmed' })
		expect(['Offline title by the author', 'Offline title by the facilitator']).toContain(final?.title)

		expect([333, 555]).toContain((watcher.store.get(SEED_PROCESS_ID) as TLShape).x)

		// What the app stores is what everyone sees.
		const saved = () => [threatId, SEED_PROCESS_ID].map((id) => lastSavedRecords(session).find((record) => record.id === id))
		await expect.poll(() => isEqual(saved(), state(watcher)), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
	})
})
