import 'server-only'
import { getEnv } from '@/lib/env'
import { INTERNAL_SECRET_HEADER, type RevokeLinksBody, revokeLinksResponse } from '@/lib/api/internalSchemas'

// The app's one call into the party (everything else goes the other way): telling a session's room
// that links were revoked, so it closes the sockets that joined with them.

const REVOKE_TIMEOUT_MS = 5_000

/**
 * How many sockets the room closed, or null when it could not be told (down, restarting, a
 * misconfigured PARTY_INTERNAL_URL). Null is not fatal: the link is revoked in the database
 * already, so the room refuses it on the next connect, which a restarting room forces anyway.
 * Logs name the session and the failure, never a token or its hash.
 */
export async function disconnectRevokedLinks(sessionId: string, tokenHashes: readonly string[]): Promise<number | null> {
	if (tokenHashes.length === 0) return 0
	const { PARTY_INTERNAL_URL, INTERNAL_SECRET } = getEnv()
	const body: RevokeLinksBody = { type: 'revoke-links', tokenHashes: [...tokenHashes] }
	try {
		const response = await fetch(`${PARTY_INTERNAL_URL}/party/${encodeURIComponent(sessionId)}`, {
			method: 'POST',
			headers: { [INTERNAL_SECRET_HEADER]: INTERNAL_SECRET, 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
		})
		if (!response.ok) {
			await response.body?.cancel()
			console.error(`[links] session ${sessionId}: the room refused the revocation (HTTP ${response.status})`)
			return null
		}
		return revokeLinksResponse.parse(await response.json()).disconnected
	} catch (error) {
		const reason = error instanceof Error ? error.name : 'unknown error'
		console.error(`[links] session ${sessionId}: the room could not be told about a revoked link (${reason})`)
		return null
	}
}
