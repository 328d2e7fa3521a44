import 'server-only'
import { lookupToken } from '@/lib/db/linkTokensRepo'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'
import type { Role } from '@/lib/sessionEnums'
import { requireBearerToken } from '@/lib/api/http'

/**
 * The role of the request's `Authorization: Bearer` token in `sessionId`, if it is one of `roles`.
 * 401 for a missing, unknown or revoked token; 403 for a valid token of another role or session.
 * Check that the session exists first (404), as GET /api/sessions/:id does.
 */
export async function requireSessionRole(request: Request, sessionId: string, roles: readonly Role[], forbidden: string): Promise<Role> {
	const grant = await lookupToken(requireBearerToken(request))
	if (!grant) throw new UnauthorizedError('Invalid token')
	if (grant.sessionId !== sessionId || !roles.includes(grant.role)) throw new ForbiddenError(forbidden)
	return grant.role
}
