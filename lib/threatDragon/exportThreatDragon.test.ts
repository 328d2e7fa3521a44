import { describe, expect, it } from 'vitest'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { WEB_SHOP_INPUT, webShopModel } from '@/fixtures/sessionModel'
import { exportThreatDragon } from './exportThreatDragon'
import { importThreatDragon } from './importThreatDragon'
import type { TdOutCell, TdOutModel } from './tdExportTypes'
import { tdModelSchema } from './tdSchema'
import { tdSchemaValidator } from '@/tests/fixtures/threatDragon/schemaValidator'

const validate = tdSchemaValidator()

function cells(model: TdOutModel): TdOutCell[] {
	return model.detail.diagrams.flatMap((diagram) => diagram.cells)
}

function cell(model: TdOutModel, id: string): TdOutCell {
	const found = cells(model).find((candidate) => candidate.id === id)
	if (!found) throw new Error(`no cell ${id}`)
	return found
}

function tdThreat(model: TdOutModel, title: string) {
	const found = cells(model)
		.flatMap((candidate) => candidate.data.threats ?? [])
		.find((threat) => threat.title === title)
	if (!found) throw new Error(`no threat ${title}`)
	return found
}

describe('exportThreatDragon', () => {
	const exported = exportThreatDragon(webShopModel())
	const json: unknown = JSON.parse(JSON.stringify(exported))

	it('validates against Threat Dragon’s published v2 schema', () => {
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
	})

	it('is a model our own reader of real TD files accepts', () => {
		expect(tdModelSchema.safeParse(json).success).toBe(true)
	})

	it('writes summary, contributors and reviewer from the session', () => {
		expect(exported.version).toBe('2.6.2')
		expect(exported.summary).toEqual({
			title: 'Web shop checkout',
			owner: 'Fay',
			description: 'Checkout and order fulfilment of the web shop, from the basket to the courier handover.',
			id: 0,
		})
		// Observers watched; they did not contribute.
		expect(exported.detail.contributors).toEqual([{ name: 'Fay' }, { name: 'Pat' }, { name: 'Dana' }])
		expect(exported.detail.reviewer).toBe('Pat')
		expect(exported.detail).toMatchObject({ diagramTop: 3, threatTop: 9 })
	})

	it('writes one diagram per diagram, typed with the session’s framework', () => {
		expect(exported.detail.diagrams.map((diagram) => [diagram.id, diagram.title, diagram.diagramType, diagram.cells.length])).toEqual([
			[0, 'Checkout', 'STRIDE', 10],
			[1, 'Order fulfilment', 'STRIDE', 6],
			[2, 'Admin', 'STRIDE', 7],
		])
		expect(exported.detail.diagrams[0]?.thumbnail).toBe('./public/content/images/thumbnail.stride.jpg')
	})

	it('writes each element as the TD cell type for its kind, positioned', () => {
		expect(cell(exported, 'ee1')).toMatchObject({
			shape: 'actor',
			position: { x: 40, y: 150 },
			size: { width: 160, height: 80 },
			data: { type: 'tm.Actor', name: 'Customer (browser) (EE1)' },
		})
		expect(cell(exported, 'p1')).toMatchObject({ shape: 'process', data: { type: 'tm.Process', isWebApplication: true, privilegeLevel: '' } })
		expect(cell(exported, 'p2').data.privilegeLevel).toBe('elevated')
		expect(cell(exported, 'mp1')).toMatchObject({ shape: 'process', data: { type: 'tm.Process' } })
		expect(cell(exported, 'ds2')).toMatchObject({ shape: 'store', data: { type: 'tm.Store', storesCredentials: true, isEncrypted: true } })
		expect(cell(exported, 'note1')).toMatchObject({ shape: 'td-text-block', data: { type: 'tm.Text', name: 'Legacy EDI link is out of scope until Q3' } })
		expect(cell(exported, 'tb1')).toMatchObject({
			shape: 'trust-boundary-box',
			zIndex: -1,
			data: { type: 'tm.BoundaryBox', name: 'Shop backend (TB1)', isTrustBoundary: true },
		})
		expect(cell(exported, 'ee3')).toMatchObject({ data: { outOfScope: true }, attrs: { body: { strokeDasharray: '4 3' } } })
	})

	it('points flows at the cells they connect, with their label and bends', () => {
		expect(cell(exported, 'df1')).toMatchObject({
			shape: 'flow',
			source: { cell: 'ee1' },
			target: { cell: 'p1' },
			vertices: [],
			data: { type: 'tm.Flow', name: 'Checkout request (DF1)', protocol: 'HTTPS', isPublicNetwork: true },
		})
		expect(cell(exported, 'df1').labels?.[0]?.attrs.labelText?.text).toBe('Checkout request (DF1)')
		expect(cell(exported, 'df3').attrs.line).toMatchObject({ sourceMarker: { name: 'block' }, targetMarker: { name: 'block' } })
	})

	it('puts threats in cells[].data.threats, where TD reads them', () => {
		for (const candidate of cells(exported)) expect(candidate).not.toHaveProperty('threats')
		expect(cell(exported, 'p1').data.threats?.map((threat) => threat.title)).toEqual([
			'Price tampering in the checkout request',
			'<img src=x onerror=alert(1)>',
		])
		expect(cell(exported, 'p1').data.hasOpenThreats).toBe(true)
		expect(cell(exported, 'ee1').data.hasOpenThreats).toBe(false)
	})

	it('maps statuses, with a transfer decision shown as Transferred', () => {
		const statuses = Object.fromEntries(
			cells(exported)
				.flatMap((c) => c.data.threats ?? [])
				.map((threat) => [threat.number, threat.status]),
		)
		expect(statuses).toEqual({
			1: 'Mitigated',
			2: 'Open',
			3: 'Open',
			4: 'Accepted',
			5: 'Transferred',
			6: 'Open',
			7: 'Open',
			8: 'NotApplicable',
			9: 'Mitigated',
		})
	})

	it('writes the rating as a severity and a score TD shows and we read back exactly', () => {
		expect(tdThreat(exported, 'Price tampering in the checkout request')).toMatchObject({
			id: 't2',
			type: 'Tampering',
			severity: 'Critical',
			score: '16 (likelihood 4 × impact 4)',
			modelType: 'STRIDE',
			mitigation: 'Recompute the total server-side from the catalogue',
		})
	})

	it('reads back with every element, flow and threat, and the same ratings', () => {
		const result = importThreatDragon(json)
		if (!result.ok) throw new Error(JSON.stringify(result.issues))
		const back = result.model.diagrams.flatMap((diagram) => diagram.threats)
		// Cells go out boxes first, then nodes, flows and notes, so compare by id, not by position.
		expect(back.map((threat) => [threat.id, threat.likelihood, threat.impact]).sort()).toEqual(
			webShopModel()
				.threats.map((threat) => [threat.id.slice('threat:'.length), threat.effective.likelihood, threat.effective.impact])
				.sort(),
		)
		expect(result.model.diagrams.map((diagram) => diagram.elements.length)).toEqual([10, 6, 7])
		expect(result.warnings).toEqual([])
	})

	it('leaves out a threat whose element is on no diagram', () => {
		const model = buildSessionModel({ ...WEB_SHOP_INPUT, elements: WEB_SHOP_INPUT.elements.filter((element) => element.shapeId !== 'shape:ds4') })
		const titles = cells(exportThreatDragon(model))
			.flatMap((c) => c.data.threats ?? [])
			.map((threat) => threat.title)
		expect(titles).toHaveLength(8)
		expect(titles).not.toContain('Audit log editable by the support team')
	})

	it('exports a session without diagrams as a valid empty model', () => {
		const empty = exportThreatDragon({ ...webShopModel(), diagrams: [], threats: [] })
		expect(validate(JSON.parse(JSON.stringify(empty)))).toBe(true)
		expect(empty.detail).toMatchObject({ diagrams: [], diagramTop: 0, threatTop: 0 })
	})
})
