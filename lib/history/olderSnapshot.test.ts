import type { TLParentId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { sessionModelFromStore } from '@/lib/canvas/sessionModelFromStore'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { fixtureScopeItem, fixtureThreat } from '@/fixtures/workshopRecords'
import { dfdShape, pageRecord } from '../../tests/support/canvasRecords'
import { HistoryLog } from './historyLog'

// A session saved before the change history existed: no history-entry records, and a schema that
// never heard of the type. It loads, reports and starts its history at 1.

const page = pageRecord('main', 'Checkout')
const api = dfdShape('dfd-process', page.id as TLParentId, { humanId: 'P1', name: 'API' })
const threat = fixtureThreat({ shapeId: api.id })
const asset = fixtureScopeItem()

function olderSnapshot(): unknown {
	const snapshot = JSON.parse(JSON.stringify(roomSnapshotOf([page, api, threat, asset], 7))) as { schema: { sequences: Record<string, number> } }
	const sequences = Object.fromEntries(Object.entries(snapshot.schema.sequences).filter(([key]) => !key.includes('history')))
	return { ...snapshot, schema: { ...snapshot.schema, sequences } }
}

describe('a snapshot from before the change history', () => {
	it('loads with every record, reports an empty history, and numbers the first entry 1', () => {
		const read = readStoreRecords(olderSnapshot())
		if (!read.ok) throw new Error(read.error)
		expect(read.skipped).toEqual([])
		expect(read.records.map((record) => record.id).sort()).toEqual([page.id, api.id, threat.id, asset.id].sort())
		const session = { id: 's', name: 'Old', description: '', framework: 'STRIDE' as const, status: 'ended' as const, createdAt: 1 }
		const model = buildSessionModel(sessionModelFromStore({ session, records: read.records, exportedAt: 2 }))
		expect(model.history).toEqual({ entries: [], stopped: false })
		expect(model.threats).toHaveLength(1)
		const log = new HistoryLog(read.records.flatMap((record) => (record.typeName === 'history-entry' ? [record] : [])))
		const change = {
			recordType: 'threat',
			recordId: threat.id,
			recordHumanId: threat.humanId,
			action: 'update' as const,
			field: 'title',
			oldValue: 'a',
			newValue: 'b',
		}
		expect(log.record([change], { userId: 'u', name: 'U', role: 'facilitator' }, 10)[0]?.seq).toBe(1)
	})
})
