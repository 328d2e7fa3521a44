import { jsonResponse, readJsonBody, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { requireInternalSecret } from '@/lib/server/internalAuth'
import { type AuthorizeResponse, authorizeBody } from '@/lib/api/internalSchemas'
import { resolveToken } from '@/lib/db/linkTokensRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { NotFoundError, UnauthorizedError } from '@/lib/errors'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

const MAX_BODY_BYTES = 4 * 1024

/** The party asks which role a connecting socket's token grants (404 and 401 close the socket). */
export const POST = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	requireInternalSecret(request)
	const id = await requireSessionIdParam(params)
	const { token } = await readJsonBody(request, authorizeBody, { maxBytes: MAX_BODY_BYTES })
	if (!(await findSession(id))) throw new NotFoundError('Session not found')
	const role = await resolveToken(id, token)
	if (!role) throw new UnauthorizedError('Invalid token')

	const response: AuthorizeResponse = { role }
	return jsonResponse(response)
})
