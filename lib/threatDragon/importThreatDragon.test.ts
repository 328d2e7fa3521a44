import { describe, expect, it } from 'vitest'
import type { ImportedModel } from './importedModel'
import { EMPTY_MODEL_DIAGRAM_NAME, importThreatDragon } from './importThreatDragon'
import { rawTdCounts } from '@/tests/fixtures/threatDragon/rawCounts'
import { readTdFixture, TD_EMPTY_FILE, TD_MALFORMED_FILE, tdModelFiles } from '@/tests/fixtures/threatDragon/files'

function imported(file: string): ImportedModel {
	const result = importThreatDragon(readTdFixture(file))
	if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`)
	return result.model
}

const elements = (model: ImportedModel) => model.diagrams.flatMap((diagram) => diagram.elements)
const threats = (model: ImportedModel) => model.diagrams.flatMap((diagram) => diagram.threats)

function element(model: ImportedModel, name: string) {
	const found = elements(model).find((candidate) => candidate.name === name)
	if (!found) throw new Error(`no element ${name}`)
	return found
}

function threat(model: ImportedModel, title: string) {
	const found = threats(model).find((candidate) => candidate.title === title)
	if (!found) throw new Error(`no threat ${title}`)
	return found
}

describe('importThreatDragon on every real model', () => {
	const files = tdModelFiles()

	it('finds the shared fixtures', () => {
		expect(files.length).toBeGreaterThanOrEqual(6)
	})

	it.each(files)('imports %s with every element, flow and threat', (file) => {
		const raw = rawTdCounts(readTdFixture(file))
		const model = imported(file)
		const all = elements(model)
		expect(model.diagrams).toHaveLength(Math.max(raw.diagrams, 1))
		expect(all).toHaveLength(raw.cells)
		expect(all.filter((e) => e.kind === 'flow')).toHaveLength(raw.byType['tm.Flow'] ?? 0)
		expect(all.filter((e) => e.kind === 'entity')).toHaveLength(raw.byType['tm.Actor'] ?? 0)
		expect(all.filter((e) => e.kind === 'process')).toHaveLength(raw.byType['tm.Process'] ?? 0)
		expect(all.filter((e) => e.kind === 'store')).toHaveLength(raw.byType['tm.Store'] ?? 0)
		expect(all.filter((e) => e.kind === 'boundary')).toHaveLength((raw.byType['tm.Boundary'] ?? 0) + (raw.byType['tm.BoundaryBox'] ?? 0))
		expect(all.filter((e) => e.kind === 'text')).toHaveLength(raw.byType['tm.Text'] ?? 0)
		expect(threats(model)).toHaveLength(raw.threats)
		expect(
			threats(model)
				.map((t) => t.title)
				.sort(),
		).toEqual([...raw.threatTitles].sort())
	})

	it.each(files)('gives every threat of %s a category, a status of ours and a 1–5 rating', (file) => {
		for (const t of threats(imported(file))) {
			expect(t.categories, t.title).toHaveLength(1)
			expect(t.likelihood).toBeGreaterThanOrEqual(1)
			expect(t.impact).toBeLessThanOrEqual(5)
		}
	})

	it('knows the fixture totals (6 models, 11 drawn diagrams, 28 threats)', () => {
		const models = files.map(imported)
		expect(models).toHaveLength(6)
		expect(models.flatMap((model) => model.diagrams).filter((d) => d.elements.length > 0)).toHaveLength(11)
		expect(models.flatMap(threats)).toHaveLength(28)
	})
})

describe('importThreatDragon rejects what it cannot read', () => {
	it('rejects the malformed model, saying where and why', () => {
		const result = importThreatDragon(readTdFixture(TD_MALFORMED_FILE))
		expect(result).toEqual({
			ok: false,
			issues: [
				{ path: 'summary.title', message: 'missing (expected string)' },
				{ path: 'summary.description', message: 'expected string, found number 0' },
				{ path: 'detail', message: 'missing (expected object)' },
			],
		})
	})

	it.each([null, [], 'model', 42])('rejects %j as not a model at all', (value) => {
		expect(importThreatDragon(value)).toEqual({ ok: false, issues: [{ path: '(root)', message: 'expected a Threat Dragon v2 model (a JSON object)' }] })
	})

	it('rejects a version 1 model', () => {
		const result = importThreatDragon({ version: '1.6.1', summary: { title: 'old' }, detail: { contributors: [], diagrams: [] } })
		expect(result).toMatchObject({ ok: false, issues: [{ path: 'version', message: 'only Threat Dragon v2 models can be imported' }] })
	})

	it('rejects an element type it does not know, at its path', () => {
		const result = importThreatDragon({
			version: '2.6.2',
			summary: { title: 't' },
			detail: {
				contributors: [],
				diagrams: [{ id: 0, cells: [{ id: 'a', shape: 'x', position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, data: { type: 'tm.Cloud' } }] }],
			},
		})
		expect(result.ok).toBe(false)
		if (!result.ok) expect(result.issues[0]?.path).toBe('detail.diagrams[0].cells[0].data.type')
	})

	it('rejects a box without geometry and a flow without ends', () => {
		const result = importThreatDragon({
			version: '2.6.2',
			summary: { title: 't' },
			detail: {
				contributors: [],
				diagrams: [
					{
						id: 0,
						cells: [
							{ id: 'a', shape: 'actor', data: { type: 'tm.Actor' } },
							{ id: 'f', shape: 'flow', data: { type: 'tm.Flow' } },
						],
					},
				],
			},
		})
		expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
			'detail.diagrams[0].cells[0].position',
			'detail.diagrams[0].cells[0].size',
			'detail.diagrams[0].cells[1].source',
			'detail.diagrams[0].cells[1].target',
		])
	})

	it('rejects two cells with one id, which would merge into one element', () => {
		const cell = { id: 'same', shape: 'actor', position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, data: { type: 'tm.Actor' } }
		const result = importThreatDragon({
			version: '2.0',
			summary: { title: 't' },
			detail: {
				contributors: [],
				diagrams: [
					{ id: 0, cells: [cell] },
					{ id: 1, cells: [cell] },
				],
			},
		})
		expect(result).toMatchObject({ ok: false, issues: [{ path: 'detail.diagrams[1].cells[0].id', message: 'duplicate cell id "same"' }] })
	})
})

describe('importThreatDragon mapping', () => {
	it('imports the empty model as one empty diagram', () => {
		const model = imported(TD_EMPTY_FILE)
		expect(model).toMatchObject({ name: 'New threat model', framework: 'STRIDE' })
		expect(model.diagrams).toEqual([
			{ tdId: 0, name: EMPTY_MODEL_DIAGRAM_NAME, description: '', diagramType: 'STRIDE', framework: 'STRIDE', elements: [], threats: [] },
		])
	})

	it('takes name, description, reviewer and contributors from the summary and detail', () => {
		expect(imported('v2-threat-model.json')).toMatchObject({
			name: 'Demo Threat Model',
			description: 'A sample model of a web application, with a queue-decoupled background process.',
			owner: 'Mike Goodwin',
			reviewer: 'Jane Smith',
			contributors: ['Tom Brown', 'Albert Moneypenny'],
		})
	})

	it('maps each diagram type to our framework, Generic to STRIDE', () => {
		expect(imported('test-reports.json').diagrams.map((d) => [d.diagramType, d.framework])).toEqual([
			['STRIDE', 'STRIDE'],
			['CIA', 'CIA'],
			['LINDDUN', 'LINDDUN'],
			['DIE', 'DIE'],
			['PLOT4ai', 'PLOT4ai'],
			['Generic', 'STRIDE'],
			['STRIDE', 'STRIDE'],
		])
	})

	it('maps a threat’s fields and keeps TD’s originals', () => {
		const t = threat(imported('v2-threat-model.json'), 'Data flow should use HTTP/S')
		expect(t).toMatchObject({
			id: '79cbaf10-e5a2-4fd6-9818-7f180a113938',
			framework: 'STRIDE',
			categories: ['I'],
			status: 'Resolved',
			severity: 'High',
			likelihood: 3,
			impact: 3,
		})
		expect(t.source).toEqual({
			tool: 'threat-dragon',
			id: '79cbaf10-e5a2-4fd6-9818-7f180a113938',
			status: 'Mitigated',
			severity: 'High',
			type: 'Information disclosure',
			score: '',
			modelType: 'STRIDE',
			number: null,
		})
	})

	it('reads a CVSS-like score before the severity', () => {
		// 7.5 is High in CVSS; the severity agrees here, the score decides.
		expect(threat(imported('three-tier-web-app.json'), 'Store Sensitive Data')).toMatchObject({ likelihood: 3, impact: 3, source: { score: '7.5' } })
	})

	it('maps TBA severity to Unknown and rates it Medium', () => {
		const all = ['iot-device.json', 'payment-online.json', 'test-reports.json', 'three-tier-web-app.json', 'v2-threat-model.json'].flatMap((file) =>
			threats(imported(file)),
		)
		const tba = all.filter((t) => t.source.severity === 'TBA')
		expect(tba).toHaveLength(1)
		expect(tba[0]).toMatchObject({ severity: 'Unknown', likelihood: 2, impact: 2 })
	})

	it('finds the category of a Generic or DIE threat in its own framework', () => {
		const model = imported('test-reports.json')
		expect(threat(model, 'New DIE threat')).toMatchObject({ framework: 'DIE', categories: ['D'] })
		expect(
			threats(model)
				.filter((t) => t.source.modelType === 'Generic')
				.map((t) => t.categories),
		).toEqual([['S'], ['S'], ['S']])
	})

	it('maps element types, properties and scope', () => {
		const model = imported('v2-threat-model.json')
		expect(element(model, 'Browser')).toMatchObject({ kind: 'entity', properties: { providesAuthentication: false } })
		expect(element(model, 'Web\nApplication')).toMatchObject({ kind: 'process', properties: { privilegeLevel: 'standard', isWebApplication: false } })
		expect(element(model, 'Web Request')).toMatchObject({
			kind: 'flow',
			properties: { protocol: 'HTTP/S', isEncrypted: true, isPublicNetwork: true, isBidirectional: false },
		})
		const outOfScope = element(imported('test-reports.json'), 'Out of scope\nwith unmitigated threat')
		expect(outOfScope).toMatchObject({ kind: 'entity', outOfScope: true })
	})

	it('binds flows to the cells they connect, starting on the port’s side', () => {
		const model = imported('iot-device.json')
		const user = element(model, 'User')
		const flow = elements(model).find((e) => e.cellId === '1de38445-7e55-4d56-8f50-e952f2b3ebae')
		expect(flow).toMatchObject({ kind: 'flow', sourceCellId: user.cellId, targetCellId: '1c75b157-80ff-4371-9e70-53c2e08d2180' })
		// The source port is User's bottom port: the middle of its bottom edge; then TD's bend.
		expect(flow?.points.slice(0, 2)).toEqual([
			{ x: user.bounds.x + user.bounds.w / 2, y: user.bounds.y + user.bounds.h },
			{ x: 140, y: 290 },
		])
	})

	it('keeps a loose flow end as a point', () => {
		const loose = elements(imported('test-reports.json')).find((e) => e.cellId === '63092af0-537e-4a62-972e-1607d1055a22')
		expect(loose).toMatchObject({
			kind: 'flow',
			sourceCellId: null,
			targetCellId: null,
			points: [
				{ x: 259, y: 120 },
				{ x: 359, y: 220 },
			],
		})
	})

	it('keeps a curve boundary as a line with no zone, and guesses a box’s zone from its name', () => {
		const curve = element(imported('iot-device.json'), 'Internet')
		expect(curve.kind).toBe('boundary')
		expect(curve.points).toEqual([
			{ x: 490, y: 60 },
			{ x: 520, y: 200 },
			{ x: 520, y: 310 },
			{ x: 490, y: 520 },
			{ x: 430, y: 630 },
		])
		expect(curve.properties).toEqual({})
		expect(element(imported('payment-online.json'), 'Customer /\nInternet')).toMatchObject({ kind: 'boundary', points: [], properties: { trustZone: 0 } })
	})

	it('imports a text block as a note', () => {
		expect(elements(imported('iot-device.json')).filter((e) => e.kind === 'text')[0]?.name).toMatch(/^Demo threat model for an IoT Device/)
	})

	it('fits text to our limits and says so', () => {
		const result = importThreatDragon({
			version: '2.6.2',
			summary: { title: 't' },
			detail: {
				contributors: [],
				diagrams: [
					{
						id: 0,
						cells: [
							{
								id: 'a',
								shape: 'actor',
								position: { x: 0, y: 0 },
								size: { width: 100, height: 60 },
								data: { type: 'tm.Actor', name: 'A', threats: [{ title: 'x'.repeat(150), status: 'Weird', severity: 'High', type: 'Teleportation' }] },
							},
							{ id: 'f', shape: 'flow', source: { cell: 'a' }, target: { cell: 'gone' }, data: { type: 'tm.Flow', name: 'F' } },
						],
					},
				],
			},
		})
		if (!result.ok) throw new Error('expected ok')
		const t = result.model.diagrams[0]?.threats[0]
		expect(t?.title).toHaveLength(100)
		expect(t?.title.endsWith('…')).toBe(true)
		expect(t).toMatchObject({ status: 'Open', categories: [], id: 'a-threat-1' })
		expect(result.model.diagrams[0]?.elements[1]).toMatchObject({ sourceCellId: 'a', targetCellId: null })
		// Elements first, then threats, each in file order.
		expect(result.warnings).toEqual([
			{ path: 'detail.diagrams[0].cells[1].target.cell', message: 'refers to a cell that does not exist; imported as a loose end' },
			{ path: 'detail.diagrams[0].cells[0].data.threats[0].status', message: 'unknown status "Weird"; imported as Open' },
			{ path: 'detail.diagrams[0].cells[0].data.threats[0].type', message: '"Teleportation" is not a STRIDE category; pick one after the import' },
			{ path: 'detail.diagrams[0].cells[0].data.threats[0].title', message: 'shortened from 150 to 100 characters' },
		])
	})

	it('imports the real models without a single warning', () => {
		for (const file of tdModelFiles()) {
			const result = importThreatDragon(readTdFixture(file))
			expect(result.ok && result.warnings, file).toEqual([])
		}
	})
})
