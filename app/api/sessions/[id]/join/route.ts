import { jsonResponse, readJsonBody, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { partyUrl } from '@/lib/server/origin'
import { joinBody, type JoinResponse } from '@/lib/api/sessionSchemas'
import { toSessionSummary } from '@/lib/server/sessionSummary'
import { LINK_REVOKED, LINK_REVOKED_MESSAGE } from '@/lib/api/linkSchemas'
import { findToken } from '@/lib/db/linkTokensRepo'
import { userIdFromKey } from '@/lib/protocol/identity'
import { findSession } from '@/lib/db/sessionsRepo'
import { HttpError, NotFoundError, UnauthorizedError } from '@/lib/errors'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

const MAX_BODY_BYTES = 4 * 1024
// One message for every bad link: the page shows it as is, and it tells a guesser nothing.
const INVALID_LINK = 'This link is not valid'

/** Resolves a link's token to the caller's role; the page uses the answer to decide what to show. */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params, INVALID_LINK)
	const { token, userKey } = await readJsonBody(request, joinBody, { maxBytes: MAX_BODY_BYTES })
	const session = await findSession(id)
	if (!session) throw new NotFoundError(INVALID_LINK)
	const found = await findToken(token)
	if (!found || found.grant.sessionId !== id) throw new UnauthorizedError(INVALID_LINK)
	// Only the holder of the whole old token learns that it was replaced, and can ask for the new one.
	if (found.revoked) throw new HttpError(401, LINK_REVOKED_MESSAGE, { reason: LINK_REVOKED })
	const { role } = found.grant

	const response: JoinResponse = {
		role,
		session: toSessionSummary(session),
		partyUrl: partyUrl(request),
		...(userKey === undefined ? {} : { userId: await userIdFromKey(userKey) }),
	}
	return jsonResponse(response)
})
