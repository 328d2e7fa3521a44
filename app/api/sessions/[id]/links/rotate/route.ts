import { jsonResponse, readJsonBody, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { ROTATE_MAX_BYTES, rotateLinkBody, type RotateLinkResponse } from '@/lib/api/linkSchemas'
import { publicOrigin, sessionLink } from '@/lib/server/origin'
import { disconnectRevokedLinks } from '@/lib/server/partyRooms'
import { requireSessionRole } from '@/lib/server/sessionAccess'
import { rotateLinkToken } from '@/lib/db/linkTokensRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { NotFoundError } from '@/lib/errors'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * Replaces the participant, product-owner or observer link (facilitator only): the old token is
 * revoked at once, the room closes the sockets that joined with it (LINK_REVOKED), and the answer
 * carries the new link, shown this once. Credentials are checked before the body is read.
 */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params)
	if (!(await findSession(id))) throw new NotFoundError('Session not found')
	await requireSessionRole(request, id, ['facilitator'], 'Only the facilitator of this session may replace its links')
	const { role } = await readJsonBody(request, rotateLinkBody, { maxBytes: ROTATE_MAX_BYTES })

	const { token, revokedHashes } = await rotateLinkToken(id, role)
	const disconnected = await disconnectRevokedLinks(id, revokedHashes)
	const response: RotateLinkResponse = { role, url: sessionLink(publicOrigin(request), id, token), disconnected }
	return jsonResponse(response)
})
