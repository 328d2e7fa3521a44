import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { metadataEntry, reviewEvent } from '@/lib/session/metadataFactories'
import { metadataEntryIdFor, type MetadataEntryRecord } from '@/lib/session/records/metadataEntryRecord'
import type { ReviewEventRecord } from '@/lib/session/records/reviewEventRecord'
import type { SessionEventId } from '@/lib/session/records/sessionEventRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { currentReview } from '@/lib/session/reviewStatus'
import { fixtureSessionEvent, fixtureThreat } from '@/fixtures/workshopRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, usePartyHarness } from '../support/partyHarness'

// Key=value metadata and the review status through the real room: who may write them, what the
// room stamps, and that both survive a crash of the room and a restart from the app's save.

const harness = usePartyHarness(FAST_SAVES)

const SHAPE = 'shape:checkout' as TLShapeId
const THREAT = 'threat:replay' as ThreatId

function entryIn(records: readonly TLRecord[], id: string): MetadataEntryRecord | undefined {
	return records.find((record): record is MetadataEntryRecord => record.typeName === 'metadata-entry' && record.id === id)
}

function reviewOf(records: readonly TLRecord[]) {
	return currentReview(records.filter((record): record is ReviewEventRecord => record.typeName === 'review-event'))
}

let n = 0
const newId = () => `it${++n}`

describe('metadata and review status in the room', () => {
	it('are tagged by participants, reviewed by the facilitator, and read-only to the product owner and observers', async () => {
		const session = harness.app.addSession('tags', { 'tok-fac': 'facilitator', 'tok-part': 'participant', 'tok-po': 'productOwner', 'tok-obs': 'observer' })
		const fay = harness.connect('tags', 'tok-fac', 'Fay', 'fay')
		const pat = harness.connect('tags', 'tok-part', 'Pat', 'pat')
		const paula = harness.connect('tags', 'tok-po', 'Paula', 'paula')
		const omar = harness.connect('tags', 'tok-obs', 'Omar', 'omar')
		await loaded(fay, pat, paula, omar)
		pat.store.put([fixtureThreat({ id: THREAT, shapeId: SHAPE })])

		// Pat tags the element and the threat; the room stamps who did, whatever the client claimed.
		const onElement = { ...metadataEntry(SHAPE, 'env', 'prod'), createdByName: 'Forged' }
		pat.store.put([onElement, metadataEntry(THREAT, 'owner', 'payments')])
		await expect.poll(() => entryIn(fay.store.allRecords(), onElement.id)?.createdByName, { timeout: SYNC_TIMEOUT_MS }).toBe('Pat')
		expect(entryIn(fay.store.allRecords(), metadataEntryIdFor(THREAT, 'owner'))).toMatchObject({ value: 'payments' })

		// The facilitator changes the value; the product owner and the observer may not touch it.
		const stored = entryIn(fay.store.allRecords(), onElement.id)
		if (!stored) throw new Error('the facilitator sees the entry')
		fay.store.put([{ ...stored, value: 'staging' }])
		await expect.poll(() => entryIn(pat.store.allRecords(), onElement.id)?.value, { timeout: SYNC_TIMEOUT_MS }).toBe('staging')
		paula.store.put([metadataEntry('session', 'compliance', 'PCI')])
		omar.store.put([metadataEntry('session', 'compliance', 'SOX')])
		await expect.poll(() => rejectionsOf(paula).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.metadata])
		await expect.poll(() => rejectionsOf(omar).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.observer])

		// Only the facilitator sets the review status; everyone sees it.
		pat.store.put([reviewEvent('approved', newId)])
		await expect.poll(() => rejectionsOf(pat).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.review])
		fay.store.put([reviewEvent('inProgress', newId)])
		fay.store.put([reviewEvent('pendingReview', newId)])
		await expect.poll(() => reviewOf(omar.store.allRecords()).status, { timeout: SYNC_TIMEOUT_MS }).toBe('pendingReview')
		expect(reviewOf(paula.store.allRecords())).toMatchObject({ setByName: 'Fay' })

		await expect.poll(() => reviewOf(lastSavedRecords(session)).status, { timeout: SYNC_TIMEOUT_MS }).toBe('pendingReview')
		expect(entryIn(lastSavedRecords(session), metadataEntryIdFor('session', 'compliance'))).toBeUndefined()
		await expect.poll(() => session.saves.at(-1)?.humanIdCounters, { timeout: SYNC_TIMEOUT_MS }).toMatchObject({ METADATA: 2, REVIEW: 2 })
	})

	it('let the facilitator review an ended session, where metadata is read-only', async () => {
		harness.app.addSession('ended', { 'tok-fac': 'facilitator', 'tok-part': 'participant' })
		const fay = harness.connect('ended', 'tok-fac', 'Fay', 'fay')
		const pat = harness.connect('ended', 'tok-part', 'Pat', 'pat')
		await loaded(fay, pat)
		const end = fixtureSessionEvent({ id: 'session-event:end' as SessionEventId })
		fay.store.put([end])
		await expect.poll(() => pat.store.get(end.id) !== undefined, { timeout: SYNC_TIMEOUT_MS }).toBe(true)

		pat.store.put([metadataEntry(SHAPE, 'env', 'prod')])
		await expect.poll(() => rejectionsOf(pat).map((message) => message.reason), { timeout: SYNC_TIMEOUT_MS }).toEqual([REJECTION_REASON.sessionEnded])
		fay.store.put([reviewEvent('approved', newId)])
		await expect.poll(() => reviewOf(pat.store.allRecords()).status, { timeout: SYNC_TIMEOUT_MS }).toBe('approved')
		expect(rejectionsOf(fay)).toEqual([])
	})

	it('survive a crash of the room and a restart of the app from what it saved, and keep counting', async () => {
		const session = harness.app.addSession('keep', { 'tok-fac': 'facilitator' })
		const fay = harness.connect('keep', 'tok-fac', 'Fay', 'fay')
		await loaded(fay)
		fay.store.put([metadataEntry('session', 'compliance', 'PCI'), reviewEvent('approved', newId)])
		await expect.poll(() => reviewOf(lastSavedRecords(session)).status, { timeout: SYNC_TIMEOUT_MS }).toBe('approved')
		await expect.poll(() => entryIn(lastSavedRecords(session), metadataEntryIdFor('session', 'compliance'))?.value, { timeout: SYNC_TIMEOUT_MS }).toBe('PCI')
		fay.close()

		await harness.crashAndRestart()
		const afterCrash = harness.connect('keep', 'tok-fac', 'Fay', 'fay')
		await loaded(afterCrash)
		expect(entryIn(afterCrash.store.allRecords(), metadataEntryIdFor('session', 'compliance'))).toMatchObject({ value: 'PCI', createdByName: 'Fay' })
		expect(reviewOf(afterCrash.store.allRecords())).toMatchObject({ status: 'approved', setByName: 'Fay' })
		afterCrash.store.put([reviewEvent('closed', newId)])
		await expect.poll(() => reviewOf(lastSavedRecords(session)).status, { timeout: SYNC_TIMEOUT_MS }).toBe('closed')
		const events = lastSavedRecords(session).filter((record): record is ReviewEventRecord => record.typeName === 'review-event')
		expect(events.map((event) => event.seq).sort()).toEqual([1, 2])
		afterCrash.close()

		const restored = harness.app.addSession('restored', { 'tok-fac': 'facilitator' })
		restored.canvas = session.canvas
		const reader = harness.connect('restored', 'tok-fac', 'Fay', 'fay')
		await loaded(reader)
		expect(reviewOf(reader.store.allRecords()).status).toBe('closed')
		expect(entryIn(reader.store.allRecords(), metadataEntryIdFor('session', 'compliance'))).toMatchObject({ value: 'PCI' })
	})
})
