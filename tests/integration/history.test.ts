import type { TLParentId, TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { HISTORY_ENTRY_TYPE, type HistoryEntryId, type HistoryEntryRecord } from '@/lib/session/records/historyEntryRecord'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { dfdShape } from '../support/canvasRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import type { TestClient } from '../support/syncClient'

// The change history through the room for a Node client: written by the room alone, with the
// identity the room authenticated, one entry per burst, and kept through a crash of the room.

const harness = usePartyHarness(FAST_SAVES)

function historyOf(client: TestClient): HistoryEntryRecord[] {
	return client.store
		.allRecords()
		.filter((record): record is HistoryEntryRecord => record.typeName === HISTORY_ENTRY_TYPE)
		.sort((a, b) => a.seq - b.seq)
}

/** The history as [record id, action, field, old, new, author name]: what a reader cares about. */
function linesOf(client: TestClient): string[][] {
	return historyOf(client).map((entry) => [entry.recordId, entry.action, entry.field, entry.oldValue, entry.newValue, entry.byName])
}

function pageOf(client: TestClient): TLParentId {
	const page = client.store.allRecords().find((record) => record.typeName === 'page')
	if (!page) throw new Error('the client has no page')
	return page.id as TLParentId
}

function threatOf(client: TestClient, id: ThreatId): ThreatRecord {
	const threat = client.store.get(id)
	if (!threat) throw new Error(`the client has no ${id}`)
	return threat
}

describe('the change history in the room', () => {
	it('records who changed what with the identity the room knows, and coalesces a burst', async () => {
		harness.app.addSession('history', { 'tok-part': 'participant', 'tok-fac': 'facilitator' })
		const pat = harness.connect('history', 'tok-part', 'Pat', 'pat')
		const fay = harness.connect('history', 'tok-fac', 'Fay', 'fay')
		await loaded(pat, fay)
		const [patId, fayId] = [await userIdFor('pat'), await userIdFor('fay')]

		// The participant claims to be the facilitator in the record itself: the room knows better.
		const id = 'threat:history' as ThreatId
		pat.store.put([fixtureThreat({ id, title: 'Replay', createdBy: fayId, createdByName: 'Fay' })])
		await expect.poll(() => pat.store.get(id)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('T-001')
		// Three edits of the title in a row: one entry, from the first old value to the last new one.
		for (const title of ['Replayed', 'Replayed cookie', 'Replayed session cookie']) {
			pat.store.put([{ ...threatOf(pat, id), title }])
			await expect.poll(() => fay.store.get(id)?.title, { timeout: SYNC_TIMEOUT_MS }).toBe(title)
		}
		// A move of the element is not history; its rename is, under the facilitator's name.
		const process = dfdShape('dfd-process', pageOf(fay), { name: 'Process' })
		fay.store.put([process])
		const placed = () => fay.store.get(process.id) as TLShape<'dfd-process'>
		await expect.poll(() => placed().props.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('P1')
		fay.store.put([{ ...placed(), x: 300, y: 200 }])
		fay.store.put([{ ...placed(), props: { ...placed().props, name: 'Checkout' } }])

		const expected = [
			[id, 'create', '', '', 'Replay', 'Pat'],
			[id, 'update', 'title', 'Replay', 'Replayed session cookie', 'Pat'],
			[process.id, 'create', '', '', 'Process “Process”', 'Fay'],
			[process.id, 'update', 'name', 'Process', 'Checkout', 'Fay'],
		]
		await expect.poll(() => linesOf(pat), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		const [created, retitled] = historyOf(pat)
		expect(created).toMatchObject({ seq: 1, recordHumanId: 'T-001', by: patId, byRole: 'participant', edits: 1 })
		expect(retitled).toMatchObject({ seq: 2, recordHumanId: 'T-001', by: patId, edits: 3 })
		expect(retitled?.lastAt).toBeGreaterThan(retitled?.at ?? Infinity)
		expect(historyOf(fay)).toEqual(historyOf(pat))

		// Nobody writes history: not a forged entry, not an edit of one, not a removal.
		const forged: HistoryEntryRecord = {
			...(created as HistoryEntryRecord),
			id: 'history-entry:999999999' as HistoryEntryId,
			seq: 999,
			byName: 'Fay',
			by: fayId,
		}
		pat.store.put([forged])
		fay.store.put([{ ...(retitled as HistoryEntryRecord), newValue: 'Something else' }])
		pat.store.remove([(created as HistoryEntryRecord).id])
		await expect
			.poll(() => [...rejectionsOf(pat), ...rejectionsOf(fay)].map((message) => [message.action, message.reason]), { timeout: SYNC_TIMEOUT_MS })
			.toEqual(
				expect.arrayContaining([
					['create', REJECTION_REASON.historyEntry],
					['delete', REJECTION_REASON.historyEntry],
					['update', REJECTION_REASON.historyEntry],
				]),
			)
		// Each refused write was rolled back on the writer's side too.
		await expect.poll(() => linesOf(pat), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
		await expect.poll(() => linesOf(fay), { timeout: SYNC_TIMEOUT_MS }).toEqual(expected)
	})

	it('keeps the history through a crash of the room and carries on numbering after it', async () => {
		const session = harness.app.addSession('history-crash', { 'tok-part': 'participant' })
		const before = harness.connect('history-crash', 'tok-part', 'Pat', 'pat')
		await loaded(before)
		const id = 'threat:kept' as ThreatId
		before.store.put([fixtureThreat({ id })])
		await expect.poll(() => before.store.get(id)?.humanId, { timeout: SYNC_TIMEOUT_MS }).toBe('T-001')
		before.store.put([{ ...threatOf(before, id), status: 'Resolved' }])
		await expect.poll(() => historyOf(before).length, { timeout: SYNC_TIMEOUT_MS }).toBe(2)
		const written = historyOf(before)
		// The snapshot the app stores (and the reports read) holds it: an app restart loads it from there.
		const saved = () => lastSavedRecords(session).filter((record: TLRecord) => record.typeName === HISTORY_ENTRY_TYPE)
		await expect.poll(() => saved().length, { timeout: SYNC_TIMEOUT_MS }).toBe(2)
		before.close()

		await harness.crashAndRestart()

		const after = harness.connect('history-crash', 'tok-part', 'Pat', 'pat')
		await loaded(after)
		expect(historyOf(after)).toEqual(written)
		after.store.put([{ ...threatOf(after, id), description: 'Replayed from a stolen laptop' }])
		await expect
			.poll(() => historyOf(after).map((entry) => [entry.seq, entry.field]), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([
				[1, ''],
				[2, 'status'],
				[3, 'description'],
			])
	})
})
