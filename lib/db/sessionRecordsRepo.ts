import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import type { SessionRecordSet } from '@/lib/session/extractSessionRecords'
import { legacyMitigationColumns, mitigationsOfThreat } from '@/lib/session/mitigationSummary'
import type { Phase } from '@/lib/session/records/walkRecords'
import { listSessionHistories, type StoredDecision, type StoredSessionEvent } from './appendOnlyRecordsRepo'
import type { Executor } from './executor'
import {
	type NaMarkRow,
	naMarks,
	type PhaseEventRow,
	phaseEvents,
	type ScopeItemRow,
	scopeItems,
	type ThreatRow,
	threats,
	type TimerEventRow,
	timerEvents,
	type VoteRow,
	votes,
	walkState,
} from './schema'

// The projection of the room's workshop records. Like the DFD elements it mirrors the room as a
// whole, so a save replaces a session's rows rather than merging them — except the decisions and
// the session's ends and reopens, which are only ever added to (appendOnlyRecordsRepo.ts).

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
		elementHumanId: humanIdOf.get(threat.shapeId) ?? null,
		categories: JSON.stringify(categories),
	}))
}

export async function replaceSessionRecords(
	db: Executor,
	sessionId: string,
	records: SessionRecordSet,
	elements: readonly DfdElement[],
): Promise<void> {
	// Threats and marks keep the element's human ID of this save, so a report needs no join.
	const humanIdOf = new Map(elements.map((element) => [element.shapeId, element.humanId]))
	for (const table of [threats, votes, naMarks, scopeItems, walkState, phaseEvents, timerEvents]) {
		await db.delete(table).where(eq(table.sessionId, sessionId))
	}
	await inChunks(threatRows(sessionId, records, humanIdOf), (chunk) => db.insert(threats).values(chunk))
	await inChunks(
		records.votes.map(({ typeName: _, ...vote }) => ({ ...vote, sessionId })),
		(chunk) => db.insert(votes).values(chunk),
	)
	await inChunks(
		records.naMarks.map(({ typeName: _, ...mark }) => ({ ...mark, sessionId, elementHumanId: humanIdOf.get(mark.shapeId) ?? null })),
		(chunk) => db.insert(naMarks).values(chunk),
	)
	await inChunks(
		records.scopeItems.map(({ typeName: _, ...item }) => ({ ...item, sessionId })),
		(chunk) => db.insert(scopeItems).values(chunk),
	)
	if (records.walk) {
		const { focusShapeId, phaseMinutes } = records.walk
		await db.insert(walkState).values({ sessionId, focusShapeId, phaseMinutes: JSON.stringify(phaseMinutes) })
	}
	await inChunks(
		records.phaseEvents.map(({ typeName: _, ...event }) => ({ ...event, sessionId })),
		(chunk) => db.insert(phaseEvents).values(chunk),
	)
	await inChunks(
		records.timerEvents.map(({ typeName: _, ...event }) => ({ ...event, sessionId })),
		(chunk) => db.insert(timerEvents).values(chunk),
	)
}

type Stored<Row> = Omit<Row, 'sessionId'>

export type StoredThreat = Omit<Stored<ThreatRow>, 'categories'> & { categories: string[] }
export type StoredVote = Stored<VoteRow>
type StoredNaMark = Stored<NaMarkRow>
type StoredScopeItem = Stored<ScopeItemRow>
type StoredPhaseEvent = Stored<PhaseEventRow>
type StoredTimerEvent = Stored<TimerEventRow>
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

const categoriesSchema = z.array(z.string())
const phaseMinutesSchema = z.object({
	scope: z.int(),
	diagram: z.int(),
	analyse: z.int(),
	decide: z.int(),
}) satisfies z.ZodType<Record<Phase, number>>

function withoutSession<Row extends { sessionId: string }>({ sessionId: _, ...rest }: Row): Stored<Row> {
	return rest
}

/** A session's workshop records as last saved, oldest first. */
export async function listSessionRecords(db: Executor, sessionId: string): Promise<StoredSessionRecords> {
	const [threatRows, voteRows, naMarkRows, scopeRows, walkRow, phaseRows, timerRows, histories] = await Promise.all([
		db.select().from(threats).where(eq(threats.sessionId, sessionId)).orderBy(asc(threats.createdAt), asc(threats.id)).all(),
		db.select().from(votes).where(eq(votes.sessionId, sessionId)).orderBy(asc(votes.votedAt), asc(votes.id)).all(),
		db.select().from(naMarks).where(eq(naMarks.sessionId, sessionId)).orderBy(asc(naMarks.markedAt), asc(naMarks.id)).all(),
		db
			.select()
			.from(scopeItems)
			.where(eq(scopeItems.sessionId, sessionId))
			.orderBy(asc(scopeItems.createdAt), asc(scopeItems.id))
			.all(),
		db.select().from(walkState).where(eq(walkState.sessionId, sessionId)).get(),
		db.select().from(phaseEvents).where(eq(phaseEvents.sessionId, sessionId)).orderBy(asc(phaseEvents.at), asc(phaseEvents.id)).all(),
		db.select().from(timerEvents).where(eq(timerEvents.sessionId, sessionId)).orderBy(asc(timerEvents.at), asc(timerEvents.id)).all(),
		listSessionHistories(db, sessionId),
	])
	return {
		threats: threatRows.map((row) => ({ ...withoutSession(row), categories: categoriesSchema.parse(JSON.parse(row.categories)) })),
		votes: voteRows.map(withoutSession),
		naMarks: naMarkRows.map(withoutSession),
		scopeItems: scopeRows.map(withoutSession),
		walk: walkRow
			? { focusShapeId: walkRow.focusShapeId, phaseMinutes: phaseMinutesSchema.parse(JSON.parse(walkRow.phaseMinutes)) }
			: null,
		phaseEvents: phaseRows.map(withoutSession),
		timerEvents: timerRows.map(withoutSession),
		...histories,
	}
}
