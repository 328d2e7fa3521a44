import { HumanIdAllocator } from '@/lib/dfd/humanIds'
import type { MitigationInput, SessionModelInput } from '@/lib/reports/sessionModelInput'
import { mitigationStatusForThreat, mitigationTitleFromText } from '@/lib/session/records/threatMitigationsMigration'
import { formatThreatId } from '@/lib/session/threatIds'
import type { ImportedModel } from './importedModel'

export interface ImportStamp {
	sessionId: string
	/** When the import happened, epoch ms: every imported record's creation time. */
	at: number
	/** Shown as the author of imported threats. */
	importedByName?: string
}

/** TD ids carried into ours, so importing the same file twice gives the same shape and threat ids. */
export const shapeIdOfCell = (cellId: string) => `shape:${cellId}`
export const threatIdOfTd = (id: string) => `threat:${id}`
const mitigationIdOfTd = (id: string) => `mitigation:td-${id}`
const pageIdOfDiagram = (index: number) => `page:td-${index + 1}`

/**
 * An imported model as the report builder's input, stamped the way the room would stamp new
 * records: human IDs in file order (EE1, P1… per kind; T-001… for threats) unless the file carries
 * them, one page per diagram.
 */
export function sessionInputFromImport(model: ImportedModel, stamp: ImportStamp): SessionModelInput {
	const allocator = new HumanIdAllocator()
	// IDs a Threatroom export carried are kept; new ones start past them, so none is handed out twice.
	for (const element of model.diagrams.flatMap((diagram) => diagram.elements)) if (element.humanId) allocator.observe(element.humanId)
	const elements = model.diagrams.flatMap((diagram, index) =>
		diagram.elements.map((element) => ({
			shapeId: shapeIdOfCell(element.cellId),
			humanId: element.kind === 'text' ? '' : (element.humanId ?? allocator.allocate(element.kind)),
			kind: element.kind,
			name: element.name,
			description: element.description,
			outOfScope: element.outOfScope,
			reasonOutOfScope: element.reasonOutOfScope,
			properties: element.properties,
			pageId: pageIdOfDiagram(index),
			sourceShapeId: element.sourceCellId === null ? null : shapeIdOfCell(element.sourceCellId),
			targetShapeId: element.targetCellId === null ? null : shapeIdOfCell(element.targetCellId),
			bounds: element.bounds,
			points: element.points,
		})),
	)
	const threats = model.diagrams
		.flatMap((diagram) => diagram.threats)
		.map((threat, index) => ({
			id: threatIdOfTd(threat.id),
			humanId: formatThreatId(index + 1),
			shapeId: shapeIdOfCell(threat.elementCellId),
			categories: threat.categories,
			title: threat.title,
			description: threat.description,
			likelihood: threat.likelihood,
			impact: threat.impact,
			agreedLikelihood: null,
			agreedImpact: null,
			status: threat.status,
			// TD's severity is a triage judgement like ours (TBD and unknown words: Unknown).
			severity: threat.severity,
			createdByName: stamp.importedByName ?? 'Threat Dragon import',
			createdAt: stamp.at,
			isDeleted: false,
			source: threat.source,
		}))
	// TD has one mitigation text per threat: each non-empty one becomes a mitigation record for it.
	const mitigations: MitigationInput[] = model.diagrams
		.flatMap((diagram) => diagram.threats)
		.filter((threat) => threat.mitigation.trim() !== '')
		.map((threat, index) => {
			const title = mitigationTitleFromText(threat.mitigation, threat.title)
			return {
				id: mitigationIdOfTd(threat.id),
				humanId: `M-${String(index + 1).padStart(3, '0')}`,
				threatIds: [threatIdOfTd(threat.id)],
				title,
				description: threat.mitigation.trim() === title ? '' : threat.mitigation,
				kind: 'design',
				status: mitigationStatusForThreat(threat.status),
				owner: '',
				dueDate: '',
				acceptanceCriteria: '',
				verification: '',
				issueUrl: '',
				createdByName: stamp.importedByName ?? 'Threat Dragon import',
				createdAt: stamp.at,
			}
		})
	return {
		exportedAt: stamp.at,
		session: {
			id: stamp.sessionId,
			name: model.name,
			description: model.description,
			framework: model.framework,
			status: 'active',
			createdAt: stamp.at,
			source: { tool: 'threat-dragon', summary: { ...model.summaryExtras } },
		},
		participants: model.contributors.map((name) => ({ name, role: 'participant' })),
		pages: model.diagrams.map((diagram, index) => ({
			id: pageIdOfDiagram(index),
			name: diagram.name,
			source: { tool: 'threat-dragon', id: diagram.tdId, diagramType: diagram.diagramType },
		})),
		elements,
		threats,
		votes: [],
		decisions: [],
		mitigations,
		naMarks: [],
		scopeItems: [],
	}
}
