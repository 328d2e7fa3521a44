import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROLES } from '../roles'
import { create, NOW, PEOPLE, remove, sessionOf, setup, update } from '@/tests/fixtures/authorizer'
import { METADATA_COUNTER, REVIEW_COUNTER } from './authorizeMetadataAndReview'
import { metadataEntry, reviewEvent } from './metadataFactories'
import { METADATA_ENTRIES_MAX, type MetadataEntryId } from './records/metadataEntryRecord'
import { REJECTION_REASON as R } from './rejectionReasons'
import { fixtureSessionEvent } from '@/fixtures/workshopRecords'

const SHAPE = 'shape:api' as TLShapeId
let n = 0
const newId = () => `r${++n}`

describe('metadata entries', () => {
	it('are added by the facilitator and participants, stamped by the room; the product owner and observers only read', () => {
		for (const role of ROLES) {
			const { authorize, rejections } = setup()
			const stored = authorize(create(sessionOf(role), { ...metadataEntry(SHAPE, 'env', 'prod'), createdByName: 'Forged' }))
			if (role === 'observer') expect(rejections.map((r) => r.reason)).toEqual([R.observer])
			else if (role === 'productOwner') expect(rejections.map((r) => r.reason)).toEqual([R.metadata])
			else expect(stored).toMatchObject({ key: 'env', value: 'prod', createdBy: PEOPLE[role].userId, createdByName: PEOPLE[role].name, createdAt: NOW })
		}
	})

	it('have one record per target and key: the id says which, and neither changes', () => {
		const { authorize, rejections } = setup()
		const pat = sessionOf('participant')
		const entry = { ...metadataEntry('session', 'compliance', 'PCI'), createdBy: 'fay', createdByName: 'Fay', createdAt: NOW - 1 }
		authorize(create(pat, { ...metadataEntry(SHAPE, 'env', 'prod'), id: 'metadata-entry:other' as MetadataEntryId }))
		authorize(update(pat, entry, { ...entry, key: 'env', id: metadataEntry('session', 'env', '').id }))
		expect(authorize(update(pat, entry, { ...entry, value: 'SOX' }))).toMatchObject({ value: 'SOX' })
		expect(authorize(remove(pat, entry))).not.toBeNull()
		expect(rejections.map((r) => r.reason)).toEqual([R.metadataId, R.metadataStamped])
	})

	it('are refused with keys or values out of bounds, without spending the counter', () => {
		const { authorize, allocator } = setup()
		const fay = sessionOf('facilitator')
		const badKey = metadataEntry(SHAPE, 'Env Name', 'prod')
		expect(authorize(create(fay, badKey))).toMatchObject({ createdBy: '' })
		const longValue = metadataEntry(SHAPE, 'env', 'x'.repeat(201))
		expect(authorize(create(fay, longValue))).toMatchObject({ createdBy: '' })
		expect(allocator.next(METADATA_COUNTER)).toBe(1)
	})

	it('are bounded per session by a counter that survives a restart', () => {
		const { authorize, rejections } = setup({ [METADATA_COUNTER]: METADATA_ENTRIES_MAX })
		authorize(create(sessionOf('participant'), metadataEntry(SHAPE, 'env', 'prod')))
		expect(rejections.map((r) => r.reason)).toEqual([R.metadataFull])
	})

	it('are read-only once the session has ended', () => {
		const { authorize, rejections, lifecycle } = setup()
		lifecycle.load([fixtureSessionEvent({ by: 'fay', byName: 'Fay', at: NOW - 1_000 })])
		authorize(create(sessionOf('facilitator'), metadataEntry(SHAPE, 'env', 'prod')))
		expect(rejections.map((r) => r.reason)).toEqual([R.sessionEnded])
	})
})

describe('review events', () => {
	it('are set by the facilitator only, stamped and numbered by the room', () => {
		for (const role of ROLES) {
			const { authorize, rejections } = setup({ [REVIEW_COUNTER]: 4 })
			const stored = authorize(create(sessionOf(role), { ...reviewEvent('approved', newId), byName: 'Forged', seq: 99 }))
			if (role === 'facilitator') expect(stored).toMatchObject({ status: 'approved', seq: 5, at: NOW, by: 'fay', byName: 'Fay' })
			else expect(rejections.map((r) => r.reason)).toEqual([role === 'observer' ? R.observer : R.review])
		}
	})

	it('are never changed or deleted', () => {
		const { authorize, rejections } = setup()
		const fay = sessionOf('facilitator')
		const stored = { ...reviewEvent('approved', newId), seq: 1, at: NOW, by: 'fay', byName: 'Fay' }
		authorize(update(fay, stored, { ...stored, status: 'rejected' }))
		authorize(remove(fay, stored))
		expect(rejections.map((r) => r.reason)).toEqual([R.reviewHistory, R.reviewHistory])
	})

	it('may be set after the session has ended: a model is reviewed once drawn', () => {
		const { authorize, lifecycle } = setup()
		lifecycle.load([fixtureSessionEvent({ by: 'fay', byName: 'Fay', at: NOW - 1_000 })])
		expect(authorize(create(sessionOf('facilitator'), reviewEvent('pendingReview', newId)))).toMatchObject({ status: 'pendingReview', seq: 1 })
	})
})
