import { InMemorySyncStorage, TLSocketRoom } from '@tldraw/sync-core'
import type { TLArrowBinding, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { SESSION_OBJECT_TYPES } from '@/lib/session/sessionRecords'
import { exportThreatDragon, importThreatDragon, type ImportedModel } from '@/lib/threatDragon'
import { rawTdCounts } from '@/tests/fixtures/threatDragon/rawCounts'
import { readTdFixture, tdModelFiles } from '@/tests/fixtures/threatDragon/files'
import { tdSchemaValidator } from '@/tests/fixtures/threatDragon/schemaValidator'
import { sessionModelFromStore } from './sessionModelFromStore'
import { snapshotFromImport } from './snapshotFromImport'
import { readStoreRecords } from './storeRecords'
import { threatroomSchema } from './threatroomSchema'

const AT = Date.parse('2025-05-01T12:00:00Z')
const FILES = tdModelFiles()

function importOrThrow(json: unknown): ImportedModel {
	const result = importThreatDragon(json)
	if (!result.ok) throw new Error(JSON.stringify(result.issues))
	return result.model
}

function canvasOf(file: string) {
	const result = snapshotFromImport(importOrThrow(readTdFixture(file)), { at: AT })
	if (!result.ok) throw new Error(JSON.stringify(result.issues))
	return result.canvas
}

/** The snapshot as the database hands it back: JSON text, parsed, migrated and validated. */
function storedRecords(file: string): TLRecord[] {
	const read = readStoreRecords(JSON.parse(JSON.stringify(canvasOf(file).snapshot)))
	if (!read.ok) throw new Error(read.error)
	expect(read.skipped).toEqual([])
	return read.records
}

const records = (file: string) => canvasOf(file).snapshot.documents.map(({ state }) => state)

describe('snapshotFromImport', () => {
	it.each(FILES)('builds only records the room’s schema accepts from %s', (file) => {
		for (const record of records(file)) {
			const recordType = threatroomSchema.types[record.typeName as TLRecord['typeName']]
			expect(() => recordType.validate(record), `${record.typeName} ${record.id}`).not.toThrow()
		}
	})

	it.each(FILES)('gives %s one page per diagram, every cell a shape, every threat a record', (file) => {
		const raw = rawTdCounts(readTdFixture(file))
		const all = records(file)
		const count = (predicate: (record: (typeof all)[number]) => boolean) => all.filter(predicate).length
		const shapesOfType = (type: string) => count((record) => record.typeName === 'shape' && 'type' in record && record.type === type)
		expect(count((record) => record.typeName === 'page')).toBe(Math.max(raw.diagrams, 1))
		expect(count((record) => record.typeName === 'document')).toBe(1)
		expect(shapesOfType('dfd-entity')).toBe(raw.byType['tm.Actor'] ?? 0)
		expect(shapesOfType('dfd-process')).toBe(raw.byType['tm.Process'] ?? 0)
		expect(shapesOfType('dfd-store')).toBe(raw.byType['tm.Store'] ?? 0)
		expect(shapesOfType('arrow')).toBe(raw.byType['tm.Flow'] ?? 0)
		expect(shapesOfType('dfd-boundary')).toBe((raw.byType['tm.Boundary'] ?? 0) + (raw.byType['tm.BoundaryBox'] ?? 0))
		expect(shapesOfType('text')).toBe(raw.byType['tm.Text'] ?? 0)
		expect(count((record) => record.typeName === 'threat')).toBe(raw.threats)
	})

	it('binds each flow to the shapes TD connects it to, from its start and its end', () => {
		const model = importOrThrow(readTdFixture('v2-threat-model.json'))
		const all = records('v2-threat-model.json')
		const bindings = all.filter((record): record is TLArrowBinding => record.typeName === 'binding')
		const flows = model.diagrams.flatMap((diagram) => diagram.elements).filter((element) => element.kind === 'flow')
		expect(flows.length).toBeGreaterThan(0)
		for (const flow of flows) {
			const ends = bindings.filter((binding) => binding.fromId === `shape:${flow.cellId}`)
			const target = (terminal: string) => ends.find((binding) => binding.props.terminal === terminal)?.toId ?? null
			expect(target('start')).toBe(flow.sourceCellId && `shape:${flow.sourceCellId}`)
			expect(target('end')).toBe(flow.targetCellId && `shape:${flow.targetCellId}`)
			for (const binding of ends) expect(binding.props).toMatchObject({ normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false })
		}
	})

	it('stamps human IDs in file order and counters that never hand them out again', () => {
		const { humanIdCounters, elements } = canvasOf('v2-threat-model.json')
		const threats = records('v2-threat-model.json').filter((record) => record.typeName === 'threat')
		expect(humanIdCounters).toMatchObject({ EE: 1, P: 2, DS: 4, DF: 10, TB: 3, T: threats.length })
		expect(elements.map((element) => element.humanId).filter((id) => id.startsWith('P'))).toEqual(['P1', 'P2'])
		expect(threats.map((threat) => ('humanId' in threat ? threat.humanId : '')).sort()).toEqual(
			Array.from({ length: threats.length }, (_, n) => `T-${String(n + 1).padStart(3, '0')}`),
		)
	})

	it.each(FILES)('gives %s a snapshot the room loads as it is', (file) => {
		const { snapshot } = canvasOf(file)
		const storage = new InMemorySyncStorage<TLRecord>({ snapshot: JSON.parse(JSON.stringify(snapshot)), objectTypes: SESSION_OBJECT_TYPES })
		const room = new TLSocketRoom<TLRecord>({ schema: threatroomSchema, storage, objectTypes: SESSION_OBJECT_TYPES })
		const loaded = [...room.getCurrentSnapshot().documents, ...room.getCurrentObjectsSnapshot()]
		expect(loaded).toHaveLength(snapshot.documents.length)
		room.close()
	})

	it.each(FILES)('keeps every element, flow and threat of %s through canvas → report model → TD → import', (file) => {
		const first = importOrThrow(readTdFixture(file))
		const input = sessionModelFromStore({
			session: { id: 'sess_td', name: first.name, description: first.description, framework: first.framework, status: 'active', createdAt: AT },
			records: storedRecords(file),
			exportedAt: AT,
		})
		const exported: unknown = JSON.parse(JSON.stringify(exportThreatDragon(buildSessionModel(input))))
		expect(tdSchemaValidator()(exported)).toBe(true)
		const again = importOrThrow(exported)
		expect(facts(again)).toEqual(facts(first))
	})
})

/** What the canvas must keep: kinds, words, scope, properties, flow ends, boxes; threats with TD's own values. */
function facts(model: ImportedModel) {
	const round = (value: number) => Math.round(value * 1000) / 1000
	return model.diagrams.map((diagram) => ({
		name: diagram.name,
		diagramType: diagram.diagramType,
		elements: Object.fromEntries(
			diagram.elements.map((element) => [
				element.cellId,
				{
					kind: element.kind,
					name: element.name,
					description: element.description,
					outOfScope: element.outOfScope,
					reasonOutOfScope: element.reasonOutOfScope,
					properties: element.properties,
					sourceCellId: element.sourceCellId,
					targetCellId: element.targetCellId,
					// Nodes and boxes where TD put them; a text's height is tldraw's to measure; a line boundary's points.
					box:
						element.kind === 'flow' || element.points.length > 0
							? null
							: { x: element.bounds.x, y: element.bounds.y, w: element.bounds.w, h: element.kind === 'text' ? null : element.bounds.h },
					line: element.kind === 'boundary' ? element.points.map((point) => ({ x: round(point.x), y: round(point.y) })) : null,
				},
			]),
		),
		threats: Object.fromEntries(diagram.threats.map(({ id, source, ...threat }) => [id, { ...threat, source: { ...source, number: null } }])),
	}))
}

describe('snapshotFromImport, for what TD writes that our records cannot hold as is', () => {
	const model = (threatType: string) => ({
		version: '2.6.2',
		summary: { title: 'Odd one', description: '' },
		detail: {
			contributors: [],
			diagrams: [
				{
					id: 0,
					title: 'Main',
					diagramType: 'STRIDE',
					cells: [
						{
							id: 'api',
							shape: 'process',
							position: { x: 10, y: 20 },
							size: { width: 100, height: 100 },
							data: { type: 'tm.Process', name: 'API', threats: [{ id: 't1', title: 'Odd', status: 'Open', severity: 'High', type: threatType }] },
						},
					],
				},
			],
		},
	})

	it('gives a threat whose type names no category the first that applies, and says so where it is', () => {
		const result = snapshotFromImport(importOrThrow(model('Cosmic rays')), { at: AT })
		if (!result.ok) throw new Error(JSON.stringify(result.issues))
		const threat = result.canvas.snapshot.documents.find(({ state }) => state.typeName === 'threat')?.state
		expect(threat).toMatchObject({ categories: ['S'], status: 'Open' })
		expect(result.canvas.warnings).toEqual([{ path: 'detail.diagrams[0].cells[0].data.threats[0]', message: expect.stringContaining('set to Spoofing') }])
	})

	it('refuses a model whose records the room would refuse, at the place in the file they came from', () => {
		const imported = importOrThrow(model('Spoofing'))
		// An id longer than the room accepts (200 characters after the type).
		const tooLong = {
			...imported,
			diagrams: imported.diagrams.map((diagram) => ({ ...diagram, threats: diagram.threats.map((threat) => ({ ...threat, id: 'x'.repeat(300) })) })),
		}
		const result = snapshotFromImport(tooLong, { at: AT })
		expect(result.ok).toBe(false)
		expect(!result.ok && result.issues).toEqual([{ path: 'detail.diagrams[0].cells[0].data.threats[0]', message: expect.stringContaining('threat:') }])
	})
})
