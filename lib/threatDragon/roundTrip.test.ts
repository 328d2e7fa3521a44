import { describe, expect, it } from 'vitest'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import type { SessionModel } from '@/lib/reports/sessionModel'
import type { SessionModelInput } from '@/lib/reports/sessionModelInput'
import type { ImportedElement, ImportedModel } from './importedModel'
import { exportThreatDragon } from './exportThreatDragon'
import { importThreatDragon } from './importThreatDragon'
import { sessionInputFromImport } from './sessionInputFromImport'
import { readTdFixture, tdModelFiles } from '@/tests/fixtures/threatDragon/files'
import { tdSchemaValidator } from '@/tests/fixtures/threatDragon/schemaValidator'

const validate = tdSchemaValidator()
const AT = Date.parse('2025-05-01T12:00:00Z')

function importOrThrow(json: unknown): ImportedModel {
	const result = importThreatDragon(json)
	if (!result.ok) throw new Error(JSON.stringify(result.issues))
	return result.model
}

/** TD file → our import → our session model → TD file (as JSON text would carry it). */
function throughThreatroom(json: unknown): unknown {
	const model = buildSessionModel(sessionInputFromImport(importOrThrow(json), { sessionId: 'sess_import', at: AT }))
	const exported: unknown = JSON.parse(JSON.stringify(exportThreatDragon(model)))
	return exported
}

/** A session's element IDs by shape id. */
function humanIds(model: SessionModel): Record<string, string> {
	return Object.fromEntries(model.diagrams.flatMap((diagram) => diagram.elements.map((element) => [element.shapeId, element.humanId])))
}

/** IDs as a long session leaves them: numbers with gaps (deleted elements), not in drawing order. */
function renumbered(input: SessionModelInput): SessionModelInput {
	const elements = input.elements.map((element, index) =>
		element.humanId ? { ...element, humanId: element.humanId.replace(/\d+$/, (n) => String(Number(n) * 3 + (index % 2) * 40)) } : element,
	)
	return { ...input, elements }
}

/** What must survive, per element; a bound flow's ends are recomputed from the cells, so only its bends are compared. */
function elementFacts(element: ImportedElement) {
	const bound = element.kind === 'flow' && element.sourceCellId !== null && element.targetCellId !== null
	return {
		kind: element.kind,
		name: element.name,
		description: element.description,
		outOfScope: element.outOfScope,
		reasonOutOfScope: element.reasonOutOfScope,
		properties: element.properties,
		sourceCellId: element.sourceCellId,
		targetCellId: element.targetCellId,
		bounds: element.points.length > 0 ? null : element.bounds,
		points: bound ? element.points.slice(1, -1) : element.points,
	}
}

function facts(model: ImportedModel) {
	return {
		name: model.name,
		description: model.description,
		contributors: model.contributors,
		framework: model.framework,
		diagrams: model.diagrams.map((diagram) => ({
			name: diagram.name,
			diagramType: diagram.diagramType,
			framework: diagram.framework,
			elements: Object.fromEntries(diagram.elements.map((element) => [element.cellId, elementFacts(element)])),
			threats: Object.fromEntries(diagram.threats.map(({ id, source, ...threat }) => [id, { ...threat, source: { ...source, number: null } }])),
		})),
	}
}

describe('Threat Dragon round trip', () => {
	it.each(tdModelFiles())('exports %s as a file TD’s schema accepts', (file) => {
		const exported = throughThreatroom(readTdFixture(file))
		expect(validate(exported), JSON.stringify(validate.errors)).toBe(true)
	})

	it.each(tdModelFiles())('keeps every element, flow and threat of %s through import → model → export → import', (file) => {
		const first = importOrThrow(readTdFixture(file))
		const again = importOrThrow(throughThreatroom(readTdFixture(file)))
		expect(facts(again)).toEqual(facts(first))
	})

	it.each(tdModelFiles())('writes TD’s own status, severity, type and score of %s back unchanged', (file) => {
		const raw = importOrThrow(readTdFixture(file))
		const back = importOrThrow(throughThreatroom(readTdFixture(file)))
		const sources = (model: ImportedModel) =>
			Object.fromEntries(model.diagrams.flatMap((d) => d.threats).map(({ id, source }) => [id, [source.status, source.severity, source.type, source.score]]))
		expect(sources(back)).toEqual(sources(raw))
	})

	it.each(tdModelFiles())('keeps the element IDs of %s (EE1, P1, DF1…) through export → import', (file) => {
		const session = buildSessionModel(renumbered(sessionInputFromImport(importOrThrow(readTdFixture(file)), { sessionId: 'sess_a', at: AT })))
		const exported: unknown = JSON.parse(JSON.stringify(exportThreatDragon(session)))
		const back = buildSessionModel(sessionInputFromImport(importOrThrow(exported), { sessionId: 'sess_b', at: AT }))
		expect(humanIds(back)).toEqual(humanIds(session))
		expect(back.diagrams.flatMap((d) => d.elements.map((e) => e.name))).toEqual(session.diagrams.flatMap((d) => d.elements.map((e) => e.name)))
	})

	it.each(tdModelFiles())('reaches a fixed point: exporting %s a second time changes nothing', (file) => {
		const once = throughThreatroom(readTdFixture(file))
		expect(throughThreatroom(once)).toEqual(once)
	})
})
