import { and, eq, isNull } from 'drizzle-orm'
import type { Role } from '@/lib/sessionEnums'
import { generateToken, hashToken } from '@/lib/tokens'
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
	const found = await findToken(token)
	return found?.revoked === false ? found.grant : null
}

/** The role `token` grants in `sessionId`, or null when it is unknown, revoked or for another session. */
export async function resolveToken(sessionId: string, token: string): Promise<Role | null> {
	const grant = await lookupToken(token)
	return grant?.sessionId === sessionId ? grant.role : null
}

/**
 * A token that exists, live or revoked. Telling "revoked" apart is safe: only someone holding the
 * whole old token can learn it, and it lets the page say "this link was replaced" instead of
 * "this link is not valid".
 */
export async function findToken(token: string): Promise<{ grant: TokenGrant; revoked: boolean } | null> {
	if (token === '') return null
	const db = await getDb()
	const row = await db
		.select({ sessionId: linkTokens.sessionId, role: linkTokens.role, revokedAt: linkTokens.revokedAt })
		.from(linkTokens)
		.where(eq(linkTokens.tokenHash, hashToken(token)))
		.get()
	return row ? { grant: { sessionId: row.sessionId, role: row.role }, revoked: row.revokedAt !== null } : null
}

export interface RotatedLink {
	/** The new plaintext token: shown once, in the answer, never stored. */
	token: string
	/** Hashes of the tokens this rotation revoked, for the room to close the sockets that used them. */
	revokedHashes: string[]
}

/**
 * Replaces the live link of `role` in `sessionId`: every live token of that role is revoked
 * (`revoked_at = now`) and a new one issued, in one transaction, so there is never a moment with
 * two live links of a role, nor one with none.
 */
export async function rotateLinkToken(sessionId: string, role: Role, now: number = Date.now()): Promise<RotatedLink> {
	const db = await getDb()
	const token = generateToken()
	const live = and(eq(linkTokens.sessionId, sessionId), eq(linkTokens.role, role), isNull(linkTokens.revokedAt))
	const revokedHashes = await db.transaction(async (tx) => {
		const revoked = await tx.update(linkTokens).set({ revokedAt: now }).where(live).returning({ tokenHash: linkTokens.tokenHash })
		await tx.insert(linkTokens).values({ tokenHash: hashToken(token), sessionId, role, createdAt: now })
		return revoked.map((row) => row.tokenHash)
	})
	return { token, revokedHashes }
}
