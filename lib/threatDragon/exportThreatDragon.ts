import type { Diagram, ModelThreat, SessionModel } from '@/lib/reports/sessionModel'
import { exportCell } from './exportCell'
import { exportThreat, idBody } from './exportThreat'
import { TD_FILE_VERSION, type TdOutCell, type TdOutDiagram, type TdOutModel } from './tdExportTypes'
import { frameworkToTd } from './tdVocabulary'

/** TD's bundled thumbnails; Generic and unknown types use the plain one. */
function thumbnailOf(diagramType: string): string {
	const known = ['stride', 'linddun', 'cia', 'die', 'plot4ai']
	const type = diagramType.toLowerCase()
	return `./public/content/images/thumbnail${known.includes(type) ? `.${type}` : ''}.jpg`
}

/** TD numbers diagrams; keep the imported numbers when they are usable, else count from 0. */
function diagramIds(diagrams: readonly Diagram[]): number[] {
	const imported = diagrams.map((diagram) => diagram.source?.id)
	const numbers = imported.filter((id): id is number => typeof id === 'number' && Number.isInteger(id) && id >= 0)
	const usable = numbers.length === diagrams.length && new Set(numbers).size === numbers.length
	return usable ? numbers : diagrams.map((_, index) => index)
}

function threatNumber(threat: ModelThreat, fallback: number): number {
	if (threat.source?.number != null) return threat.source.number
	const digits = /(\d+)$/.exec(threat.humanId)?.[1]
	return digits ? Number(digits) : fallback
}

// Boxes behind everything (TD draws them at -1), then nodes, flows and notes in model order.
const LAYER = { boundary: 0, entity: 1, process: 1, multiprocess: 1, store: 1, flow: 2, text: 3 } as const

function exportDiagram(model: SessionModel, diagram: Diagram, id: number, threatsByShape: Map<string, ModelThreat[]>): TdOutDiagram {
	const diagramType = diagram.source?.diagramType ?? frameworkToTd(model.session.framework)
	const cellIds = new Set(diagram.elements.map((element) => idBody(element.shapeId)))
	const ordered = [...diagram.elements].sort((a, b) => LAYER[a.kind] - LAYER[b.kind])
	const cells: TdOutCell[] = ordered.map((element, index) => {
		const threats = (threatsByShape.get(element.shapeId) ?? []).map((threat) =>
			exportThreat(threat, { diagramType, sessionFramework: model.session.framework, number: threatNumber(threat, index + 1) }),
		)
		return exportCell(element, index + 1, threats, cellIds)
	})
	return {
		id,
		title: diagram.name,
		diagramType,
		placeholder: `New ${diagramType} diagram description`,
		thumbnail: thumbnailOf(diagramType),
		version: TD_FILE_VERSION,
		description: '',
		cells,
	}
}

/**
 * The session as an OWASP Threat Dragon v2 model: one TD diagram per diagram, every element a
 * positioned cell, flows pointing at their cells, threats in `cells[].data.threats` (where TD
 * reads them, whatever its schema's top level suggests). Threats whose element is on no diagram
 * and model-level threats have no cell to live in and are left out; so are votes, decisions (other than what they set on
 * the threat) and scope, which TD has no place for.
 */
export function exportThreatDragon(model: SessionModel): TdOutModel {
	const threatsByShape = new Map<string, ModelThreat[]>()
	for (const threat of model.threats) {
		// A model-level threat has no cell, and TD no place for a threat outside one: it is left out.
		if (threat.elementShapeId === null) continue
		threatsByShape.set(threat.elementShapeId, [...(threatsByShape.get(threat.elementShapeId) ?? []), threat])
	}
	const ids = diagramIds(model.diagrams)
	const diagrams = model.diagrams.map((diagram, index) => exportDiagram(model, diagram, ids[index] ?? index, threatsByShape))
	const numbers = diagrams.flatMap((diagram) => diagram.cells.flatMap((cell) => (cell.data.threats ?? []).map((threat) => threat.number)))
	const named = (role: string) => model.participants.find((person) => person.role === role)?.name ?? ''
	return {
		version: TD_FILE_VERSION,
		// An imported model's release version, date and the like go back as TD wrote them.
		summary: { ...model.session.source?.summary, title: model.session.name, owner: named('facilitator'), description: model.session.description, id: 0 },
		detail: {
			contributors: model.participants.filter((person) => person.role !== 'observer').map(({ name }) => ({ name })),
			diagrams,
			diagramTop: Math.max(-1, ...diagrams.map((diagram) => diagram.id)) + 1,
			reviewer: named('productOwner'),
			threatTop: Math.max(0, ...numbers),
		},
	}
}
