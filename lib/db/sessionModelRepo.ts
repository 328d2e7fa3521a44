import { sessionModelFromStore } from '@/lib/canvas/sessionModelFromStore'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { withChangesSince } from '@/lib/reports/changesSince'
import type { SessionModel } from '@/lib/reports/sessionModel'
import type { SessionInput } from '@/lib/reports/sessionModelInput'
import type { SessionRow } from './schema'
import { loadStoredRoom, type StoredRoom } from './storedRoomRepo'

// A session as the reports see it, from its room's last saved snapshot (storedRoomRepo.ts).

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
