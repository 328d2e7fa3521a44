import { asc, eq } from 'drizzle-orm'
import type { SessionRecordSet } from '@/lib/canvas/extractSessionRecords'
import { latestSessionEvent } from '@/lib/session/sessionStatus'
import type { Executor } from './executor'
import { type DecisionRow, decisions, type SessionEventRow, sessionEvents, sessions } from './schema'

// Decisions and the session's ends and reopens: histories people are held to, so unlike the other
// workshop projections a save only ever adds rows. The room never lets a client change or remove
// one (authorizeSessionRecords.ts); a save that lacks a stored row means a bug or a tampered
// snapshot, which is logged while the row stays.

/** Bound parameters per INSERT, far below SQLite's limit (16 columns × 400 rows). */
const ROWS_PER_INSERT = 400

type Stored<Row> = Omit<Row, 'sessionId'>
export type StoredDecision = Stored<DecisionRow>
export type StoredSessionEvent = Stored<SessionEventRow>

function withoutSession<Row extends { sessionId: string }>({ sessionId: _, ...rest }: Row): Stored<Row> {
	return rest
}

async function insertInChunks<Row>(rows: readonly Row[], insert: (chunk: Row[]) => Promise<unknown>): Promise<void> {
	for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await insert(rows.slice(start, start + ROWS_PER_INSERT))
}

function warnOfMissing(sessionId: string, what: string, storedIds: readonly string[], savedIds: ReadonlySet<string>): void {
	const missing = storedIds.filter((id) => !savedIds.has(id))
	if (missing.length === 0) return
	const ids = missing.slice(0, 10).join(', ')
	console.error(`[db] session ${sessionId}: a save lacks ${missing.length} ${what} already stored (kept, never deleted): ${ids}`)
}

/**
 * Adds the decisions and session events of a save that are not stored yet, leaves the stored ones
 * as they are, and brings the session's status, end time and next date in line with the latest
 * end or reopen of the save — the rule the room enforces. Runs inside the save's transaction.
 */
export async function appendSessionHistories(db: Executor, sessionId: string, records: SessionRecordSet, now: number): Promise<void> {
	const [storedDecisionIds, storedEventIds] = await Promise.all([
		db.select({ id: decisions.id }).from(decisions).where(eq(decisions.sessionId, sessionId)).all(),
		db.select({ id: sessionEvents.id }).from(sessionEvents).where(eq(sessionEvents.sessionId, sessionId)).all(),
	])
	const knownDecisions = new Set(storedDecisionIds.map((row) => row.id))
	const knownEvents = new Set(storedEventIds.map((row) => row.id))
	warnOfMissing(sessionId, 'decisions', [...knownDecisions], new Set(records.decisions.map((decision) => decision.id)))
	warnOfMissing(sessionId, 'session events', [...knownEvents], new Set(records.sessionEvents.map((event) => event.id)))

	const newDecisions = records.decisions.filter((decision) => !knownDecisions.has(decision.id))
	await insertInChunks(
		newDecisions.map(({ typeName: _, ...decision }) => ({ ...decision, sessionId })),
		// A row is written once: should a concurrent save have stored it meanwhile, that one stays.
		(chunk) => db.insert(decisions).values(chunk).onConflictDoNothing(),
	)
	const newEvents = records.sessionEvents.filter((event) => !knownEvents.has(event.id))
	await insertInChunks(
		newEvents.map(({ typeName: _, ...event }) => ({ ...event, sessionId })),
		(chunk) => db.insert(sessionEvents).values(chunk).onConflictDoNothing(),
	)

	await syncSessionStatus(db, sessionId, records, now)
}

/** `updated_at` moves only when the status does: a save of an unchanged session is no update to it. */
async function syncSessionStatus(db: Executor, sessionId: string, records: SessionRecordSet, now: number): Promise<void> {
	const latest = latestSessionEvent(records.sessionEvents)
	const ended = latest?.action === 'end'
	const status = {
		status: ended ? ('ended' as const) : ('active' as const),
		endedAt: ended ? latest.at : null,
		nextSessionDate: ended ? latest.nextSessionDate : '',
	}
	const current = await db
		.select({ status: sessions.status, endedAt: sessions.endedAt, nextSessionDate: sessions.nextSessionDate })
		.from(sessions)
		.where(eq(sessions.id, sessionId))
		.get()
	const same = current?.status === status.status && current.endedAt === status.endedAt && current.nextSessionDate === status.nextSessionDate
	if (!current || same) return
	await db
		.update(sessions)
		.set({ ...status, updatedAt: now })
		.where(eq(sessions.id, sessionId))
}

export interface StoredSessionHistories {
	decisions: StoredDecision[]
	sessionEvents: StoredSessionEvent[]
}

/** Every decision and session event ever saved for the session, oldest first. */
export async function listSessionHistories(db: Executor, sessionId: string): Promise<StoredSessionHistories> {
	const [decisionRows, eventRows] = await Promise.all([
		db.select().from(decisions).where(eq(decisions.sessionId, sessionId)).orderBy(asc(decisions.decidedAt), asc(decisions.id)).all(),
		db.select().from(sessionEvents).where(eq(sessionEvents.sessionId, sessionId)).orderBy(asc(sessionEvents.at), asc(sessionEvents.id)).all(),
	])
	return { decisions: decisionRows.map(withoutSession), sessionEvents: eventRows.map(withoutSession) }
}
