/**
 * The sessions someone joined from this browser, most recent first: a reload of one of them goes
 * straight back into the room under the remembered name instead of asking for it again.
 */

/** Enough for anyone's workshops; the oldest are forgotten first. */
export const JOINED_SESSIONS_MAX = 200

/** What storage holds, as far as it can be trusted: a list of session ids, anything else is none. */
export function parseJoinedSessions(stored: unknown): string[] {
	if (!Array.isArray(stored)) return []
	return stored.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64)
}

export function withJoinedSession(list: readonly string[], sessionId: string): string[] {
	return [sessionId, ...list.filter((id) => id !== sessionId)].slice(0, JOINED_SESSIONS_MAX)
}
