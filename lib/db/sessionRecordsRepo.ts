import { eq } from 'drizzle-orm'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import type { SessionRecordSet } from '@/lib/canvas/extractSessionRecords'
import { type LegacyMitigationColumns, legacyMitigationColumns, mitigationsOfThreat } from '@/lib/session/mitigationSummary'
import type { NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import type { Phase, PhaseEventRecord, TimerEventRecord } from '@/lib/session/records/walkRecords'
import { listSessionHistories, type StoredDecision, type StoredSessionEvent } from './appendOnlyRecordsRepo'
import type { Executor } from './executor'
import { threats } from './schema'

// The room's workshop records live in its saved snapshot, which the API and the reports read
// (readSessionRecords below). The one projection left is the threats table: "My sessions" counts a
// browser's sessions' threats with one SQL query instead of parsing every snapshot. Like the DFD
// elements it mirrors the room as a whole, so a save replaces a session's rows rather than merging
// them — unlike the decisions and the session's ends and reopens, which are only ever added to
// (appendOnlyRecordsRepo.ts).

/**
 * The projection's shape_id of a model-level threat. The column predates threats without an
 * element and is NOT NULL; '' names no shape.
 */
const MODEL_LEVEL_SHAPE_ID = ''

/** Bound parameters per INSERT, far below SQLite's limit whatever the width of the table. */
const MAX_PARAMETERS_PER_INSERT = 6_500

async function inChunks<Row extends object>(rows: readonly Row[], insert: (chunk: Row[]) => Promise<unknown>): Promise<void> {
	const first = rows[0]
	if (first === undefined) return
	const rowsPerInsert = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / Object.keys(first).length))
	for (let start = 0; start < rows.length; start += rowsPerInsert) await insert(rows.slice(start, start + rowsPerInsert))
}

/** The threats table's rows for one save; the bench's raw-SQL baseline writes the same rows. */
export function threatRows(sessionId: string, records: SessionRecordSet, humanIdOf: ReadonlyMap<string, string>) {
	return records.threats.map(({ typeName: _, categories, ...threat }) => ({
		...threat,
		...legacyMitigationColumns(mitigationsOfThreat(threat.id, records.mitigations)),
		sessionId,
		shapeId: threat.shapeId ?? MODEL_LEVEL_SHAPE_ID,
		elementHumanId: threat.shapeId === null ? null : (humanIdOf.get(threat.shapeId) ?? null),
		categories: JSON.stringify(categories),
	}))
}

export async function replaceSessionRecords(db: Executor, sessionId: string, records: SessionRecordSet, elements: readonly DfdElement[]): Promise<void> {
	const humanIdOf = new Map(elements.map((element) => [element.shapeId, element.humanId]))
	await db.delete(threats).where(eq(threats.sessionId, sessionId))
	await inChunks(threatRows(sessionId, records, humanIdOf), (chunk) => db.insert(threats).values(chunk))
}

type Unwrapped<R extends { typeName: string }> = Omit<R, 'typeName'>

/** A threat as the room keeps it, with the summary of its mitigations and its element's human ID. */
export type StoredThreat = Unwrapped<ThreatRecord> & LegacyMitigationColumns & { elementHumanId: string | null }
export type StoredVote = Unwrapped<VoteRecord>
type StoredNaMark = Unwrapped<NaMarkRecord> & { elementHumanId: string | null }
type StoredScopeItem = Unwrapped<ScopeItemRecord>
type StoredPhaseEvent = Unwrapped<PhaseEventRecord>
type StoredTimerEvent = Unwrapped<TimerEventRecord>
interface StoredWalk {
	focusShapeId: string | null
	phaseMinutes: Record<Phase, number>
}

export type { StoredDecision }

export interface StoredSessionRecords {
	threats: StoredThreat[]
	votes: StoredVote[]
	naMarks: StoredNaMark[]
	scopeItems: StoredScopeItem[]
	walk: StoredWalk | null
	phaseEvents: StoredPhaseEvent[]
	timerEvents: StoredTimerEvent[]
	decisions: StoredDecision[]
	sessionEvents: StoredSessionEvent[]
}

function unwrapped<R extends { typeName: string }>({ typeName: _, ...rest }: R): Unwrapped<R> {
	return rest
}

/** Oldest first, then by id: the order every reader of the records agrees on. */
function byTime<R extends { id: string }>(timeOf: (record: R) => number) {
	return (a: R, b: R) => timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * A session's workshop records as the room last saved them, read from its snapshot (the source of
 * the reports too, so the API carries every field the room keeps), oldest first; decisions and the
 * session's ends and reopens from their append-only tables, which keep every one ever saved.
 */
export async function readSessionRecords(
	db: Executor,
	sessionId: string,
	records: SessionRecordSet,
	elements: readonly DfdElement[],
): Promise<StoredSessionRecords> {
	const humanIdOf = new Map(elements.map((element) => [element.shapeId, element.humanId]))
	const elementHumanId = (shapeId: string | null) => (shapeId === null ? null : (humanIdOf.get(shapeId) ?? null))
	return {
		threats: [...records.threats].sort(byTime((threat) => threat.createdAt)).map((threat) => ({
			...unwrapped(threat),
			...legacyMitigationColumns(mitigationsOfThreat(threat.id, records.mitigations)),
			elementHumanId: elementHumanId(threat.shapeId),
		})),
		votes: [...records.votes].sort(byTime((vote) => vote.votedAt)).map(unwrapped),
		naMarks: [...records.naMarks].sort(byTime((mark) => mark.markedAt)).map((mark) => ({ ...unwrapped(mark), elementHumanId: elementHumanId(mark.shapeId) })),
		scopeItems: [...records.scopeItems].sort(byTime((item) => item.createdAt)).map(unwrapped),
		walk: records.walk ? { focusShapeId: records.walk.focusShapeId, phaseMinutes: records.walk.phaseMinutes } : null,
		phaseEvents: [...records.phaseEvents].sort(byTime((event) => event.at)).map(unwrapped),
		timerEvents: [...records.timerEvents].sort(byTime((event) => event.at)).map(unwrapped),
		...(await listSessionHistories(db, sessionId)),
	}
}
