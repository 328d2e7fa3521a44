import { jsonResponse, readJsonBody, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { announceProjectChange } from '@/lib/server/partyRooms'
import { requireSessionRole } from '@/lib/server/sessionAccess'
import { sessionRecordsView } from '@/lib/server/sessionRecordsView'
import { type SessionDetailsResponse, updateSessionBody } from '@/lib/api/sessionSchemas'
import { toSessionSummary } from '@/lib/server/sessionSummary'
import { getSessionDetails } from '@/lib/db/sessionDetailsRepo'
import { findSession, setProjectPrefix } from '@/lib/db/sessionsRepo'
import { NotFoundError } from '@/lib/errors'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** The session, its DFD elements and its workshop records as last saved, for the facilitator only. */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params)
	if (!(await findSession(id))) throw new NotFoundError('Session not found')

	await requireSessionRole(request, id, ['facilitator'], 'Only the facilitator of this session may read it')

	const found = await getSessionDetails(id)
	if (!found) throw new NotFoundError('Session not found')
	const response: SessionDetailsResponse = {
		session: {
			...toSessionSummary(found.session),
			createdAt: found.session.createdAt,
			endedAt: found.session.endedAt,
			nextSessionDate: found.session.nextSessionDate,
			previousSessionId: found.session.previousSessionId,
		},
		elements: found.elements,
		...sessionRecordsView(found.session.framework, found.elements, found.records),
	}
	return jsonResponse(response)
})

const MAX_UPDATE_BYTES = 1024

/**
 * The facilitator sets or clears the session's project prefix. Only the exports compose IDs with
 * it, so it may change at any time, ended or not; the room tells the open pages, and the answer is
 * the session's summary as it now is.
 */
export const PATCH = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params)
	if (!(await findSession(id))) throw new NotFoundError('Session not found')
	await requireSessionRole(request, id, ['facilitator'], 'Only the facilitator of this session may change its project prefix')
	const body = await readJsonBody(request, updateSessionBody, { maxBytes: MAX_UPDATE_BYTES })
	const session = await setProjectPrefix(id, body.projectPrefix)
	if (!session) throw new NotFoundError('Session not found')
	await announceProjectChange(id, { projectPrefix: session.projectPrefix, sessionNumber: session.sessionNumber })
	return jsonResponse(toSessionSummary(session))
})
