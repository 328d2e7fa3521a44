import type { RoomSnapshot } from '@tldraw/sync-core'
import { PageRecordType, type TLDocument, type TLPage, type TLRecord, TLDOCUMENT_ID } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor, type HumanIdCounters } from '@/lib/dfd/humanIds'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { ThreatSource } from '@/lib/reports/sessionModel'
import type { ElementInput } from '@/lib/reports/sessionModelInput'
import { formatPath, type ImportIssue } from '@/lib/threatDragon/tdIssues'
import type { ImportedModel } from '@/lib/threatDragon/importedModel'
import { sessionInputFromImport, shapeIdOfCell, threatIdOfTd } from '@/lib/threatDragon/sessionInputFromImport'
import { boxShape, flowRecords, type ShapePlacement, textShape } from './importedShapes'
import { importedMitigationRecords, importedThreatRecords } from './importedThreats'
import { IMPORT_AUTHOR_ID } from './participantsFromRecords'
import { roomSnapshotOf, validateRecords } from './roomSnapshot'
import { documentProvenanceMeta, pageProvenanceMeta } from './threatDragonProvenance'

export interface ImportStampOptions {
	/** When the import happened (epoch ms): every imported record's creation time. */
	at: number
	/** Shown as the author of the imported threats. */
	importedByName?: string
}

interface ImportedCanvas {
	snapshot: RoomSnapshot
	humanIdCounters: HumanIdCounters
	/** The dfd_elements projection, computed as the room computes it on every save. */
	elements: DfdElement[]
	/** What the canvas could not carry over (besides the importer's own warnings). */
	warnings: ImportIssue[]
}

export type SnapshotFromImportResult = { ok: true; canvas: ImportedCanvas } | { ok: false; issues: ImportIssue[] }

/** Behind everything go boundaries (as on our canvas), then nodes, flows and notes. */
const LAYER: Record<ElementKind, number> = { boundary: 0, entity: 1, process: 1, multiprocess: 1, store: 1, flow: 2, text: 3 }

/** Where each record came from in the TD file, so a record the schema refuses is reported there. */
function originsOf(model: ImportedModel): Map<string, string> {
	const origins = new Map<string, string>()
	model.diagrams.forEach((diagram, d) => {
		diagram.elements.forEach((element, c) => {
			const path = formatPath(['detail', 'diagrams', d, 'cells', c])
			for (const id of [shapeIdOfCell(element.cellId), `binding:${element.cellId}-start`, `binding:${element.cellId}-end`]) origins.set(id, path)
		})
		// The importer lists a diagram's threats cell by cell, each cell's in file order.
		const seenOnCell = new Map<string, number>()
		for (const threat of diagram.threats) {
			const c = diagram.elements.findIndex((element) => element.cellId === threat.elementCellId)
			const t = seenOnCell.get(threat.elementCellId) ?? 0
			seenOnCell.set(threat.elementCellId, t + 1)
			origins.set(threatIdOfTd(threat.id), formatPath(['detail', 'diagrams', d, 'cells', c, 'data', 'threats', t]))
		}
	})
	return origins
}

function shapesOfPage(elements: readonly ElementInput[], pageId: TLPage['id'], boundShapeIds: ReadonlySet<string>): TLRecord[] {
	const ordered = [...elements].sort((a, b) => LAYER[a.kind] - LAYER[b.kind])
	const indices = getIndicesAbove(null, ordered.length)
	return ordered.flatMap((element, n): TLRecord[] => {
		const index = indices[n]
		if (index === undefined) return []
		const at: ShapePlacement = { pageId, index }
		if (element.kind === 'flow') {
			const { arrow, bindings } = flowRecords(element, at, boundShapeIds)
			return [arrow, ...bindings]
		}
		if (element.kind === 'text') return [textShape(element, at)]
		const shape = boxShape(element, at)
		return shape ? [shape] : []
	})
}

/**
 * A new room's snapshot from an imported Threat Dragon model: the document, one page per TD
 * diagram, every element as a shape at its TD position, flows bound to their ends, and the
 * threats as `threat` records, stamped as the room would (EE1, P1…, T-001…, in file order). TD's
 * original threat values and diagram ids ride in `meta` (threatDragonProvenance.ts) so an export
 * writes them back. Every record is validated against the room's schema: a record it refuses
 * makes the whole import fail, with the TD path it came from. Pure.
 */
export function snapshotFromImport(model: ImportedModel, stamp: ImportStampOptions): SnapshotFromImportResult {
	const input = sessionInputFromImport(model, { sessionId: 'import', at: stamp.at, importedByName: stamp.importedByName })
	const warnings: ImportIssue[] = []
	const boundShapeIds = new Set(input.elements.filter((element) => element.kind !== 'flow' && element.kind !== 'text').map((element) => element.shapeId))

	const pageIndices = getIndicesAbove(null, input.pages.length)
	const pages = input.pages.flatMap((page, n): TLPage[] => {
		const index = pageIndices[n]
		if (index === undefined) return []
		const meta = page.source ? pageProvenanceMeta(page.source) : {}
		return [{ id: PageRecordType.createId(page.id.slice('page:'.length)), typeName: 'page', name: page.name || `Diagram ${n + 1}`, index, meta }]
	})
	const shapes = pages.flatMap((page) =>
		shapesOfPage(
			input.elements.filter((element) => element.pageId === page.id),
			page.id,
			boundShapeIds,
		),
	)
	const bends = model.diagrams.flatMap((diagram) => diagram.elements).filter((element) => element.kind === 'flow' && element.points.length > 2).length
	if (bends > 0) warnings.push({ path: 'detail.diagrams', message: `${bends} flow(s) had bends; tldraw routes arrows itself, so the bends were not kept` })

	const origins = originsOf(model)
	const pathOf = (recordId: string) => origins.get(recordId) ?? '(root)'
	const threats = importedThreatRecords(input, model, { authorId: IMPORT_AUTHOR_ID, pathOf, warnings })
	const sources: Record<string, ThreatSource> = {}
	for (const threat of input.threats) if (threat.source) sources[threat.id] = threat.source
	const document: TLDocument = {
		id: TLDOCUMENT_ID,
		typeName: 'document',
		gridSize: 10,
		name: '',
		meta: documentProvenanceMeta(model.contributors, sources, model.summaryExtras),
	}

	const mitigations = importedMitigationRecords(input, { authorId: IMPORT_AUTHOR_ID })
	const records: TLRecord[] = [document, ...pages, ...shapes, ...threats, ...mitigations]
	const invalid = validateRecords(records)
	if (invalid.length > 0) return { ok: false, issues: invalid.map(({ id, message }) => ({ path: pathOf(id), message: `${message} (record ${id})` })) }
	return {
		ok: true,
		canvas: {
			snapshot: roomSnapshotOf(records, 0),
			humanIdCounters: allocatorFor(records).toJSON(),
			elements: extractElements({ documents: records.map((state) => ({ state })) }),
			warnings,
		},
	}
}
