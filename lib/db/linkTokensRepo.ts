import { and, eq, isNull } from 'drizzle-orm'
import type { Role } from '@/lib/sessionEnums'
import { hashToken } from '@/lib/tokens'
import { getDb } from './client'
import { linkTokens } from './schema'

export interface TokenGrant {
	sessionId: string
	role: Role
}

// Tokens are found by their hash, so no comparison of secrets happens in JS and there is nothing to
// time: an attacker learns only whether a whole 144-bit token exists.

/** The session and role a live (not revoked) token grants, whatever session it is presented for. */
export async function lookupToken(token: string): Promise<TokenGrant | null> {
	if (token === '') return null
	const db = await getDb()
	const row = await db
		.select({ sessionId: linkTokens.sessionId, role: linkTokens.role })
		.from(linkTokens)
		.where(and(eq(linkTokens.tokenHash, hashToken(token)), isNull(linkTokens.revokedAt)))
		.get()
	return row ?? null
}

/** The role `token` grants in `sessionId`, or null when it is unknown, revoked or for another session. */
export async function resolveToken(sessionId: string, token: string): Promise<Role | null> {
	const grant = await lookupToken(token)
	return grant?.sessionId === sessionId ? grant.role : null
}
