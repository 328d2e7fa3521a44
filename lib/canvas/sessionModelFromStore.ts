import type { TLDocument, TLPage, TLRecord, TLShape } from '@tldraw/tlschema'
import { extractElements } from '@/lib/dfd/extractElements'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { ElementInput, PageInput, SessionInput, SessionModelInput } from '@/lib/reports/sessionModelInput'
import type { AttackNodeRecord } from '@/lib/session/records/attackNodeRecord'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { MetadataEntryRecord } from '@/lib/session/records/metadataEntryRecord'
import type { MitigationRecord } from '@/lib/session/records/mitigationRecord'
import type { ReviewEventRecord } from '@/lib/session/records/reviewEventRecord'
import type { HistoryEntryRecord } from '@/lib/session/records/historyEntryRecord'
import type { NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ParkedQuestionRecord } from '@/lib/session/records/parkedQuestionRecord'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import type { WorkshopNoteRecord } from '@/lib/session/records/workshopNoteRecord'
import { boundaryLinePoints } from './boundaryLine'
import { participantsFromRecords } from './participantsFromRecords'
import { richTextToPlainText } from '../recordFields/richTextToPlainText'
import { boundsOfPoints, StoreGeometry } from './storeGeometry'
import { diagramSourceOf, documentProvenanceOf, TD_META_KEY } from './threatDragonProvenance'

export interface StoreModelSource {
	/** The session row, as SessionInput wants it (framework, status, dates). */
	session: SessionInput
	/** Validated records of the saved room (readStoreRecords): canvas and workshop records together. */
	records: readonly TLRecord[]
	exportedAt: number
}

function pagesOf(records: readonly TLRecord[]): PageInput[] {
	return records
		.filter((record): record is TLPage => record.typeName === 'page')
		.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
		.map((page) => ({ id: page.id, name: page.name, source: diagramSourceOf(page.meta) }))
}

/** The page a shape is drawn on: the first ancestor that is not a shape (extractElements' rule). */
function pageIdOf(shape: TLShape, byId: ReadonlyMap<string, TLRecord>): string | null {
	const seen = new Set<string>()
	let parent = byId.get(shape.parentId)
	while (parent?.typeName === 'shape' && !seen.has(parent.id)) {
		seen.add(parent.id)
		parent = byId.get(parent.parentId)
	}
	return parent?.typeName === 'page' ? parent.id : null
}

/** Annotations the report shows but never analyses: tldraw's text and sticky notes. */
function notesOf(records: readonly TLRecord[], byId: ReadonlyMap<string, TLRecord>, geometry: StoreGeometry): ElementInput[] {
	return records.flatMap((record) => {
		if (record.typeName !== 'shape' || (record.type !== 'text' && record.type !== 'note')) return []
		const pageId = pageIdOf(record, byId)
		if (pageId === null) return []
		return [
			{
				shapeId: record.id,
				humanId: '',
				kind: 'text' as const,
				name: richTextToPlainText(record.props.richText),
				description: '',
				outOfScope: false,
				reasonOutOfScope: '',
				properties: {},
				pageId,
				sourceShapeId: null,
				targetShapeId: null,
				bounds: geometry.boxBounds(record),
			},
		]
	})
}

/** The DFD elements (the same rows the room projects to dfd_elements) with their page geometry. */
function elementsOf(records: readonly TLRecord[], byId: ReadonlyMap<string, TLRecord>, geometry: StoreGeometry): ElementInput[] {
	const dfd = extractElements({ documents: records.map((state) => ({ state })) })
	const kinds = new Map<string, ElementKind>(dfd.map((element) => [element.shapeId, element.kind]))
	const kindOf = (shapeId: string) => kinds.get(shapeId) ?? null
	const placed = dfd.flatMap((element): ElementInput[] => {
		const shape = byId.get(element.shapeId)
		if (shape?.typeName !== 'shape') return []
		if (shape.type === 'arrow') {
			const points = geometry.flowPoints(shape, kindOf)
			return [{ ...element, bounds: boundsOfPoints(points), points }]
		}
		const bounds = geometry.boxBounds(shape)
		const line = element.kind === 'boundary' ? boundaryLinePoints(shape.meta, bounds) : null
		// A line boundary encloses nothing: no zone property, so no report gives it one.
		if (line) return [{ ...element, properties: {}, bounds: boundsOfPoints(line), points: line }]
		return [{ ...element, bounds }]
	})
	return [...placed, ...notesOf(records, byId, geometry)]
}

function ofType<T extends TLRecord>(records: readonly TLRecord[], typeName: T['typeName']): T[] {
	return records.filter((record): record is T => record.typeName === typeName)
}

/**
 * The report builder's input (lib/reports) from a saved room: one diagram per tldraw page, in page
 * order; elements with their page-space geometry; the workshop records as they are; Threat
 * Dragon's original values where the canvas came from an import. Pure.
 */
export function sessionModelFromStore({ session, records, exportedAt }: StoreModelSource): SessionModelInput {
	const byId = new Map<string, TLRecord>(records.map((record) => [record.id, record]))
	const geometry = new StoreGeometry(byId)
	const document = records.find((record): record is TLDocument => record.typeName === 'document')
	const provenance = documentProvenanceOf(document?.meta ?? {})
	return {
		exportedAt,
		// Only an imported document carries TD provenance; a session's own row knows nothing of it.
		session: Object.hasOwn(document?.meta ?? {}, TD_META_KEY) ? { ...session, source: { tool: 'threat-dragon', summary: provenance.summary } } : session,
		participants: participantsFromRecords(records, provenance.contributors),
		pages: pagesOf(records),
		elements: elementsOf(records, byId, geometry),
		threats: ofType<ThreatRecord>(records, 'threat').map((threat) => ({ ...threat, source: provenance.threats[threat.id] ?? null })),
		votes: ofType<VoteRecord>(records, 'vote'),
		decisions: ofType<DecisionRecord>(records, 'decision'),
		mitigations: ofType<MitigationRecord>(records, 'mitigation'),
		naMarks: ofType<NaMarkRecord>(records, 'na-mark'),
		scopeItems: ofType<ScopeItemRecord>(records, 'scope-item'),
		attackNodes: ofType<AttackNodeRecord>(records, 'attack-node'),
		parkedQuestions: ofType<ParkedQuestionRecord>(records, 'parked-question'),
		notes: ofType<WorkshopNoteRecord>(records, 'workshop-note'),
		history: ofType<HistoryEntryRecord>(records, 'history-entry'),
		metadata: ofType<MetadataEntryRecord>(records, 'metadata-entry'),
		reviewEvents: ofType<ReviewEventRecord>(records, 'review-event'),
	}
}
