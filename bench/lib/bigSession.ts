import { type TLDocument, type TLPage, type TLPageId, type TLRecord, type TLShape, type TLShapeId, TLDOCUMENT_ID } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { roomSnapshotOf, validateRecords } from '@/lib/canvas/roomSnapshot'
import { dfdKindOfShapeType } from '@/lib/dfd/elementKinds'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor, authorizeShapeWrite, HumanIdAllocator } from '@/lib/dfd/humanIds'
import { formatThreatId } from '@/lib/session/threatIds'
import { benchDiagramLayout } from '../bareTldraw/app/benchDiagram'
import { type BenchSession, createSession, putInternalCanvas } from './appApi'
import { boundaryRecord, diagramRecords } from './diagram'
import type { BenchStack } from './stack'
import { threatRecord, voteRecord } from './workshopRecords'

// A session of a given size, seeded through the app's API as a saved room (the internal canvas
// route the party saves through): trust boundaries, the benchmark diagram's boxes and flows, and
// threats spread over the elements, each voted on. Every record is stamped as the room stamps it
// (EE1, P1, DF1…, T-001…) and checked against the room's schema before it is sent, so the room
// loads the session as if a workshop had produced it.

export interface BigModelSize {
	/** DFD elements, trust boundaries included. */
	elements: number
	boundaries: number
	threats: number
	/** Votes per threat (distinct voters). */
	votesPerThreat: number
}

export interface SeededSession {
	session: BenchSession
	/** Every shape's id (what the join waits for), and a box in the first viewport to click. */
	shapeIds: string[]
	clickTargetId: string
	records: number
}

const PAGE_ID = 'page:page' as TLPageId

/** Boundaries behind the grid, each around a band of rows (benchDiagram's cell height is 110 px). */
function boundaries(count: number, rows: number): TLShape[] {
	const band = Math.max(1, Math.ceil(rows / Math.max(1, count)))
	return Array.from({ length: count }, (_, i) => boundaryRecord(`shape:bench-boundary-${i}`, { x: 20, y: 20 + i * band * 110, w: 900, h: band * 110 - 10 }, i))
}

/** Stamps every DFD shape with the next human ID for its kind, as the room does on create. */
function stamped(shapes: readonly TLRecord[], allocator: HumanIdAllocator): TLRecord[] {
	return shapes.map((record) => {
		if (record.typeName !== 'shape' || dfdKindOfShapeType(record.type) === null) return record
		const next = authorizeShapeWrite(allocator, { type: 'create', prev: null, next: record })
		if (!next) throw new Error(`the room's rule refused ${record.id}`)
		return next
	})
}

function bigSessionRecords(size: BigModelSize): { records: TLRecord[]; shapeIds: string[]; clickTargetId: string } {
	const diagramCount = size.elements - size.boundaries
	const { nodes } = benchDiagramLayout(diagramCount)
	const rows = Math.ceil(nodes.length / 7)
	const allocator = new HumanIdAllocator()
	// Boundaries first: lower indices, so they sit behind the boxes as on a real canvas.
	const shapes = stamped([...boundaries(size.boundaries, rows), ...diagramRecords('ours', diagramCount)], allocator)
	const targets = shapes.filter((record): record is TLShape => record.typeName === 'shape' && dfdKindOfShapeType(record.type) !== 'boundary')
	const threats = Array.from({ length: size.threats }, (_, i) => ({
		...threatRecord(`big-${i}`, (targets[i % targets.length]?.id ?? PAGE_ID) as TLShapeId),
		humanId: formatThreatId(i + 1),
		createdAt: 1_700_000_000_000 + i * 1_000,
	}))
	const votes = threats.flatMap((threat, i) =>
		Array.from({ length: size.votesPerThreat }, (_, voter) => voteRecord(threat.id, `bench-voter-${voter}`, i + voter)),
	)
	const document: TLDocument = { id: TLDOCUMENT_ID, typeName: 'document', gridSize: 10, name: '', meta: {} }
	const page: TLPage = { id: PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1' as IndexKey, meta: {} }
	const records: TLRecord[] = [document, page, ...shapes, ...threats, ...votes]
	const problems = validateRecords(records)
	if (problems.length > 0)
		throw new Error(
			`the big session's records fail the room's schema: ${problems
				.slice(0, 3)
				.map((p) => `${p.id}: ${p.message}`)
				.join('; ')}`,
		)
	const shapeIds = shapes.filter((record) => record.typeName === 'shape').map((record) => record.id)
	const clickTargetId = nodes[0]?.id
	if (!clickTargetId) throw new Error('the diagram has no box to click')
	return { records, shapeIds, clickTargetId }
}

/** A new session holding a big model, saved as its room would save it; the room loads it on the first join. */
export async function seedBigSession(stack: BenchStack, size: BigModelSize, name: string): Promise<SeededSession> {
	const { records, shapeIds, clickTargetId } = bigSessionRecords(size)
	const session = await createSession(stack, name)
	const snapshot = roomSnapshotOf(records, 1)
	const saved = await putInternalCanvas(stack, session.id, {
		snapshot: snapshot as unknown as Record<string, unknown>,
		clock: 1,
		humanIdCounters: allocatorFor(records).toJSON(),
		elements: extractElements({ documents: records.map((state) => ({ state })) }),
	})
	if (!saved.saved) throw new Error(`the app did not save the big session ${session.id}`)
	return { session, shapeIds, clickTargetId, records: records.length }
}
