import type { TLRecord } from '@tldraw/tlschema'
import { sessionModelFromStore } from '@/lib/canvas/sessionModelFromStore'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { withChangesSince } from '@/lib/reports/changesSince'
import type { SessionModel } from '@/lib/reports/sessionModel'
import type { SessionInput } from '@/lib/reports/sessionModelInput'
import type { HumanIdCounters } from '@/lib/dfd/humanIds'
import { loadCanvas } from './canvasRepo'
import type { SessionRow } from './schema'
import { findSession } from './sessionsRepo'

// A session as the reports see it, read from the room's last saved snapshot (the source of truth;
// the projections lag it by nothing, but only the snapshot has geometry, bindings and meta).

export interface StoredRoom {
	session: SessionRow
	/** Validated records of the last save; [] for a canvas never saved. */
	records: TLRecord[]
	humanIdCounters: HumanIdCounters
}

/** The session row and its saved records, or null for an unknown session. Throws if the snapshot is unreadable. */
export async function loadStoredRoom(sessionId: string): Promise<StoredRoom | null> {
	const session = await findSession(sessionId)
	if (!session) return null
	const canvas = await loadCanvas(sessionId)
	if (!canvas) return { session, records: [], humanIdCounters: {} }
	const read = readStoreRecords(canvas.snapshot)
	if (!read.ok) throw new Error(`Session ${sessionId}: ${read.error}`)
	if (read.skipped.length > 0) {
		// The room validated these when they were written, so this is schema drift: report, don't fail the export.
		console.warn(`[reports] session ${sessionId}: ${read.skipped.length} stored record(s) left out`, read.skipped.slice(0, 5))
	}
	return { session, records: read.records, humanIdCounters: canvas.humanIdCounters }
}

function sessionInputOf(row: SessionRow): SessionInput {
	return {
		id: row.id,
		name: row.name,
		description: row.description,
		framework: row.framework,
		status: row.status,
		createdAt: row.createdAt,
		endedAt: row.endedAt,
		nextSessionDate: row.nextSessionDate || null,
		previousSessionId: row.previousSessionId,
		projectPrefix: row.projectPrefix,
		sessionNumber: row.sessionNumber,
	}
}

function modelOf(room: StoredRoom, exportedAt: number): SessionModel {
	return buildSessionModel(sessionModelFromStore({ session: sessionInputOf(room.session), records: room.records, exportedAt }))
}

/**
 * The full session model (view `all`) of a saved session, with its changes since the previous
 * session when it is a follow-up whose previous session still exists. Null for an unknown session.
 */
export async function loadSessionModel(sessionId: string, exportedAt: number = Date.now()): Promise<SessionModel | null> {
	const room = await loadStoredRoom(sessionId)
	if (!room) return null
	const model = modelOf(room, exportedAt)
	const previousId = room.session.previousSessionId
	const previous = previousId ? await loadStoredRoom(previousId) : null
	return previous ? withChangesSince(model, modelOf(previous, exportedAt)) : model
}
