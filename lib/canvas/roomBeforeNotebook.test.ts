import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { storedCanvasState } from '@/lib/api/internalSchemas'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { toJson } from '@/lib/reports/json'
import { toMarkdown } from '@/lib/reports/markdownReport'
import { sessionModelFromStore } from './sessionModelFromStore'
import { readStoreRecords } from './storeRecords'

// A room saved by the release before attack trees, parked questions, notes and out-of-scope items
// (written by that release's own code, tests/fixtures/snapshots): it must load, validate and export
// unchanged, with an empty notebook.
const saved = storedCanvasState.parse(JSON.parse(readFileSync(new URL('../../tests/fixtures/snapshots/room-before-notebook.json', import.meta.url), 'utf8')))

describe('a room saved before the notebook existed', () => {
	it('loads every record with the current schema, skipping none', () => {
		const read = readStoreRecords(saved.snapshot)
		if (!read.ok) throw new Error(read.error)
		expect(read.skipped).toEqual([])
		expect(read.records.map((record) => record.typeName)).toEqual(expect.arrayContaining(['threat', 'scope-item', 'vote', 'decision', 'walk']))
	})

	it('exports with an empty notebook and no notebook sections', () => {
		const read = readStoreRecords(saved.snapshot)
		if (!read.ok) throw new Error(read.error)
		const session = { id: 's1', name: 'Before', description: '', framework: 'STRIDE' as const, status: 'active' as const, createdAt: 1_700_000_000_000 }
		const model = buildSessionModel(sessionModelFromStore({ session, records: read.records, exportedAt: 1_700_000_200_000 }))
		expect(model).toMatchObject({ attackTrees: [], parkingLot: [], notes: [], scope: { outOfScope: [], assumptions: [{ humanId: 'AS1' }] } })
		expect(JSON.parse(toJson(model)).threats).toHaveLength(2)
		expect(toMarkdown(model)).not.toMatch(/## (Attack trees|Parking lot|Notes)/)
	})
})
