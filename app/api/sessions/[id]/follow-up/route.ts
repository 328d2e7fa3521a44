import { type FollowUpResponse, followUpName } from '@/lib/api/derivedSessionSchemas'
import { jsonResponse, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { publicOrigin, sessionLinks } from '@/lib/server/origin'
import { requireSessionRole } from '@/lib/server/sessionAccess'
import { followUpSnapshot } from '@/lib/canvas/followUpSnapshot'
import { createSessionWithCanvas } from '@/lib/db/derivedSessionsRepo'
import { loadStoredRoom } from '@/lib/db/storedRoomRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { HttpError, NotFoundError } from '@/lib/errors'
import { nextSessionNumber } from '@/lib/session/composedIds'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * Starts the follow-up of an ended session: a new session with the same diagrams and scope and
 * the threats still open (with their decisions), linked to this one so its report can say what
 * changed since; it keeps the project prefix and counts on the session number. Facilitator only; 409 while the session is not ended.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params)
	const session = await findSession(id)
	if (!session) throw new NotFoundError('Session not found')
	await requireSessionRole(request, id, ['facilitator'], 'Only the facilitator of this session may start its follow-up')
	if (session.status !== 'ended') throw new HttpError(409, 'End the session before starting its follow-up')

	const room = await loadStoredRoom(id)
	if (!room) throw new NotFoundError('Session not found')
	const canvas = followUpSnapshot(room.records, room.humanIdCounters)
	const created = await createSessionWithCanvas(
		{
			name: followUpName(session.name),
			description: session.description,
			framework: session.framework,
			previousSessionId: id,
			// The project's IDs go on: PAY.S01 is followed by PAY.S02.
			projectPrefix: session.projectPrefix,
			sessionNumber: nextSessionNumber(session.sessionNumber),
		},
		canvas,
	)
	const response: FollowUpResponse = { id: created.id, ...sessionLinks(publicOrigin(request), created.id, created.tokens), previousSessionId: id }
	return jsonResponse(response, 201)
})
