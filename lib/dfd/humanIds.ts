import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { type DfdKind, dfdKindOfShapeType, HUMAN_ID_PREFIX, type HumanIdPrefix } from './elementKinds'
import { flowMetaOf } from './flowMeta'

/**
 * The highest number handed out so far per prefix (DFD kinds, threats 'T', scope items); counters
 * only grow, so an ID is never reused.
 */
export type HumanIdCounters = Record<string, number>

// P1, DS12, UC3… and the threats' and mitigations' zero-padded T-001, M-001.
const HUMAN_ID_PATTERN = /^(EE|P|MP|DS|DF|TB|UC|A|TA|AS|CR|OS|T-|M-)0*([1-9]\d*)$/

function parseHumanId(humanId: string): { prefix: string; n: number } | null {
	const match = HUMAN_ID_PATTERN.exec(humanId)
	if (!match?.[1]) return null
	return { prefix: match[1].replace('-', ''), n: Number(match[2]) }
}

/**
 * Hands out human IDs (P1, DF3…) for one session. Only the room allocates, inside its commit, so
 * two clients creating elements at the same moment can never receive the same ID.
 */
export class HumanIdAllocator {
	private readonly counters = new Map<string, number>()

	constructor(initial: HumanIdCounters = {}) {
		for (const [prefix, n] of Object.entries(initial)) {
			if (Number.isSafeInteger(n) && n > 0) this.counters.set(prefix, n)
		}
	}

	allocate(kind: DfdKind): string {
		const prefix: HumanIdPrefix = HUMAN_ID_PREFIX[kind]
		return `${prefix}${this.next(prefix)}`
	}

	/** The next number for any prefix: DFD kinds use allocate(), threats and scope items this. */
	next(prefix: string): number {
		const n = (this.counters.get(prefix) ?? 0) + 1
		this.counters.set(prefix, n)
		return n
	}

	/** Raises the counter past an ID already in use, e.g. one found in a loaded snapshot. */
	observe(humanId: string): void {
		const parsed = parseHumanId(humanId)
		if (!parsed) return
		if ((this.counters.get(parsed.prefix) ?? 0) < parsed.n) this.counters.set(parsed.prefix, parsed.n)
	}

	toJSON(): HumanIdCounters {
		return Object.fromEntries(this.counters)
	}
}

/** The human ID a shape carries, '' for a DFD shape not stamped yet, null for shapes that have none. */
export function humanIdOf(shape: TLShape): string | null {
	const kind = dfdKindOfShapeType(shape.type)
	if (kind === null) return null
	if (kind === 'flow') return flowMetaOf(shape.meta).humanId
	return 'humanId' in shape.props && typeof shape.props.humanId === 'string' ? shape.props.humanId : ''
}

function withHumanId(shape: TLShape, kind: DfdKind, humanId: string): TLShape {
	if (kind === 'flow') {
		return { ...shape, meta: { ...shape.meta, dfd: { ...flowMetaOf(shape.meta), humanId } } }
	}
	return { ...shape, props: { ...shape.props, humanId } } as TLShape
}

/** A counter allocator that starts past every ID already present in the records. */
export function allocatorFor(records: Iterable<TLRecord>, saved: HumanIdCounters = {}): HumanIdAllocator {
	const allocator = new HumanIdAllocator(saved)
	for (const record of records) {
		const humanId = record.typeName === 'shape' ? humanIdOf(record) : 'humanId' in record ? record.humanId : null
		if (typeof humanId === 'string' && humanId) allocator.observe(humanId)
	}
	return allocator
}

export type ShapeWrite =
	| { type: 'create'; prev: null; next: TLShape }
	| { type: 'update'; prev: TLShape; next: TLShape }
	| { type: 'delete'; prev: TLShape; next: null }

/**
 * The room's rule for shape writes: a new DFD element gets the next human ID whatever the client
 * sent (a paste or an undo brings old IDs along), and nobody may change an ID once stamped.
 * Returns the record to store, or null to reject the write.
 */
export function authorizeShapeWrite(allocator: HumanIdAllocator, write: ShapeWrite): TLShape | null {
	if (write.type === 'delete') return write.prev
	const kind = dfdKindOfShapeType(write.next.type)
	if (kind === null) return write.next
	if (write.type === 'create') return withHumanId(write.next, kind, allocator.allocate(kind))
	return humanIdOf(write.prev) === humanIdOf(write.next) ? write.next : null
}
