import 'server-only'
import type { z } from 'zod'
import { getEnv } from '@/lib/env'
import { INTERNAL_SECRET_HEADER, type ProjectChangedBody, projectChangedResponse, type RevokeLinksBody, revokeLinksResponse } from '@/lib/api/internalSchemas'

// The app's calls into the party (everything else goes the other way): telling a session's room
// what changed outside its canvas, so it acts on its open sockets (party/appRequests.ts).

const ROOM_REQUEST_TIMEOUT_MS = 5_000

/**
 * The room's answer, or null when it could not be told (down, restarting, a misconfigured
 * PARTY_INTERNAL_URL). Null is never fatal: the database already holds the change, and a page
 * or socket that starts after it reads it from there. Logs name the session and the failure,
 * never a token or its hash.
 */
async function tellRoom<Answer extends z.ZodType>(
	sessionId: string,
	body: RevokeLinksBody | ProjectChangedBody,
	answer: Answer,
	what: string,
): Promise<z.infer<Answer> | null> {
	const { PARTY_INTERNAL_URL, INTERNAL_SECRET } = getEnv()
	try {
		const response = await fetch(`${PARTY_INTERNAL_URL}/party/${encodeURIComponent(sessionId)}`, {
			method: 'POST',
			headers: { [INTERNAL_SECRET_HEADER]: INTERNAL_SECRET, 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(ROOM_REQUEST_TIMEOUT_MS),
		})
		if (!response.ok) {
			await response.body?.cancel()
			console.error(`[room] session ${sessionId}: the room refused ${what} (HTTP ${response.status})`)
			return null
		}
		return answer.parse(await response.json())
	} catch (error) {
		const reason = error instanceof Error ? error.name : 'unknown error'
		console.error(`[room] session ${sessionId}: the room could not be told ${what} (${reason})`)
		return null
	}
}

/**
 * How many sockets the room closed, or null when it could not be told: the link is revoked in the
 * database already, so the room refuses it on the next connect, which a restarting room forces anyway.
 */
export async function disconnectRevokedLinks(sessionId: string, tokenHashes: readonly string[]): Promise<number | null> {
	if (tokenHashes.length === 0) return 0
	const answer = await tellRoom(sessionId, { type: 'revoke-links', tokenHashes: [...tokenHashes] }, revokeLinksResponse, 'about a revoked link')
	return answer?.disconnected ?? null
}

/** How many open pages the room told about the session's new project IDs, or null when it could not be told. */
export async function announceProjectChange(sessionId: string, project: Omit<ProjectChangedBody, 'type'>): Promise<number | null> {
	const answer = await tellRoom(sessionId, { type: 'project-changed', ...project }, projectChangedResponse, 'about the new project prefix')
	return answer?.notified ?? null
}
