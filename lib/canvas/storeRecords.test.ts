import type { TLParentId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { dfdShape, pageRecord } from '../../tests/support/canvasRecords'
import { roomSnapshotOf } from './roomSnapshot'
import { readStoreRecords } from './storeRecords'

const page = pageRecord('main', 'Checkout')
const api = dfdShape('dfd-process', page.id as TLParentId, { humanId: 'P1' })
const threat = fixtureThreat({ shapeId: api.id })

/** As the database hands it back: JSON text, parsed. */
const stored = (snapshot: unknown): unknown => JSON.parse(JSON.stringify(snapshot))

describe('readStoreRecords', () => {
	it('gives back the canvas and workshop records of a saved room, typed and validated', () => {
		const read = readStoreRecords(stored(roomSnapshotOf([page, api, threat], 4)))
		expect(read).toEqual({ ok: true, records: [page, api, threat], documentClock: 4, skipped: [] })
	})

	it('leaves out, and lists, a record its validator refuses or whose type the schema does not know', () => {
		const snapshot = roomSnapshotOf([page, api], 1)
		const broken = { ...threat, impact: 9 }
		const alien = { id: 'alien:1', typeName: 'alien' }
		const read = readStoreRecords(
			stored({ ...snapshot, documents: [...snapshot.documents, { state: broken, lastChangedClock: 1 }, { state: alien, lastChangedClock: 1 }] }),
		)
		expect(read.ok && read.records).toEqual([page, api])
		expect(read.ok && read.skipped).toEqual([
			{ id: threat.id, typeName: 'threat', message: expect.stringContaining('impact') },
			{ id: 'alien:1', typeName: 'alien', message: 'Unknown record type' },
		])
	})

	it('refuses what is not a room snapshot, or one from a schema it cannot migrate from', () => {
		expect(readStoreRecords({ documents: 'nope' })).toMatchObject({ ok: false })
		const future = stored(roomSnapshotOf([page], 1))
		const withFutureArrows = JSON.parse(JSON.stringify(future).replace(/"com\.tldraw\.shape\.arrow":\d+/, '"com.tldraw.shape.arrow":999'))
		expect(withFutureArrows).not.toEqual(future)
		expect(readStoreRecords(withFutureArrows)).toMatchObject({ ok: false, error: expect.stringContaining('migrated') })
	})
})
