import { eq } from 'drizzle-orm'
import { type CanvasSnapshot, canvasSnapshotSchema, type HumanIdCounters, humanIdCountersSchema, type SaveCanvasBody } from '@/lib/api/internalSchemas'
import { BadRequestError, NotFoundError } from '@/lib/errors'
import { extractSessionRecords } from '@/lib/canvas/extractSessionRecords'
import { appendSessionHistories } from './appendOnlyRecordsRepo'
import { getDb } from './client'
import { replaceDfdElements } from './dfdElementsRepo'
import { replaceSessionRecords } from './sessionRecordsRepo'
import { canvasDocuments, sessions } from './schema'

export interface StoredCanvas {
	snapshot: CanvasSnapshot
	clock: number
	humanIdCounters: HumanIdCounters
}

export interface SaveCanvasResult {
	/** False when a newer clock was already stored: the save was late or a retry, and was ignored. */
	saved: boolean
	/** The clock stored after this call. */
	clock: number
}

/** The last saved canvas of a session, or null if it was never saved (or the session does not exist). */
export async function loadCanvas(sessionId: string): Promise<StoredCanvas | null> {
	const db = await getDb()
	const row = await db.select().from(canvasDocuments).where(eq(canvasDocuments.sessionId, sessionId)).get()
	if (!row) return null
	return {
		snapshot: canvasSnapshotSchema.parse(JSON.parse(row.snapshot)),
		clock: row.clock,
		humanIdCounters: humanIdCountersSchema.parse(JSON.parse(row.humanIdCounters)),
	}
}

/**
 * Stores the canvas with its DFD and workshop projections together (and the session's status, which
 * follows its latest end or reopen), unless a newer clock is already stored. An equal clock is saved again so a retried save is idempotent. Throws NotFoundError for an
 * unknown session, BadRequestError when a workshop record in the snapshot fails its validator.
 */
export async function saveCanvas(sessionId: string, input: SaveCanvasBody, now: number = Date.now()): Promise<SaveCanvasResult> {
	// Checked before the write transaction: validating a large room must not hold the write lock.
	const extracted = extractSessionRecords(input.snapshot)
	if (!extracted.ok) throw new BadRequestError('Invalid request', { issues: extracted.issues })
	const db = await getDb()
	// A write transaction (BEGIN IMMEDIATE): the clock read and the writes cannot interleave with another save.
	return db.transaction(async (tx) => {
		const session = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).get()
		if (!session) throw new NotFoundError('Session not found')

		const stored = await tx.select({ clock: canvasDocuments.clock }).from(canvasDocuments).where(eq(canvasDocuments.sessionId, sessionId)).get()
		if (stored && input.clock < stored.clock) return { saved: false, clock: stored.clock }

		const document = {
			snapshot: JSON.stringify(input.snapshot),
			clock: input.clock,
			humanIdCounters: JSON.stringify(input.humanIdCounters),
			savedAt: now,
		}
		await tx
			.insert(canvasDocuments)
			.values({ sessionId, ...document })
			.onConflictDoUpdate({ target: canvasDocuments.sessionId, set: document })
		await replaceDfdElements(tx, sessionId, input.elements, now)
		await replaceSessionRecords(tx, sessionId, extracted.records, input.elements)
		await appendSessionHistories(tx, sessionId, extracted.records, now)
		return { saved: true, clock: input.clock }
	})
}
