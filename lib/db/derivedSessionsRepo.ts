import type { RoomSnapshot } from '@tldraw/sync-core'
import { eq } from 'drizzle-orm'
import type { CreateSessionBody } from '@/lib/api/sessionSchemas'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import type { HumanIdCounters } from '@/lib/dfd/humanIds'
import { saveCanvas } from './canvasRepo'
import { getDb } from './client'
import { sessions } from './schema'
import { type CreatedSession, createSession } from './sessionsRepo'

// Sessions that start with a canvas instead of an empty page: an imported Threat Dragon model, the
// follow-up of an ended session.

export interface InitialCanvas {
	snapshot: RoomSnapshot
	humanIdCounters: HumanIdCounters
	elements: DfdElement[]
}

export interface DerivedSessionInput extends CreateSessionBody {
	/** The session this one follows up, if any. */
	previousSessionId?: string | null
	/** Which session of its chain this is (a follow-up counts on from its previous session); 1 when absent. */
	sessionNumber?: number
}

/**
 * Creates the session, then saves its canvas through saveCanvas, so the element and workshop
 * projections (and the status, decisions…) are written exactly as for a room's own save.
 *
 * saveCanvas runs its own transaction, so the two steps cannot share one; should the save fail,
 * the new session is deleted again (its tokens, canvas and projections cascade) before the error
 * goes on, and no half-made session is left. Callers validate every record beforehand, so this is
 * the path of a bug or an unreachable database, not of a bad upload.
 */
export async function createSessionWithCanvas(input: DerivedSessionInput, canvas: InitialCanvas, now: number = Date.now()): Promise<CreatedSession> {
	const { name, description, framework, projectPrefix } = input
	const created = await createSession({ name, description, framework, projectPrefix }, now)
	const db = await getDb()
	try {
		if (input.previousSessionId) {
			await db
				.update(sessions)
				.set({ previousSessionId: input.previousSessionId, sessionNumber: input.sessionNumber ?? 1 })
				.where(eq(sessions.id, created.id))
		}
		// A fresh room starts at clock 0; its first own save (clock ≥ 1) replaces this one.
		await saveCanvas(created.id, { snapshot: { ...canvas.snapshot }, clock: 0, humanIdCounters: canvas.humanIdCounters, elements: canvas.elements }, now)
		return created
	} catch (error) {
		await db.delete(sessions).where(eq(sessions.id, created.id))
		throw error
	}
}
