import { type SessionListItem, SUMMARIES_MAX_LINKS, summariesResponse } from '@/lib/api/sessionListSchemas'
import type { RememberedSession } from '@/lib/api/rememberedSessions'

export type SummariesResult = { ok: true; byId: Map<string, SessionListItem> } | { ok: false; message: string }

/**
 * What the server knows of the sessions this browser holds links to (`POST /api/sessions/summaries`).
 * A link it no longer accepts (revoked, or the session deleted) simply has no entry; the tokens
 * travel in the body only.
 */
export async function fetchSessionOverviews(sessions: readonly RememberedSession[], signal: AbortSignal): Promise<SummariesResult> {
	let response: Response
	try {
		response = await fetch('/api/sessions/summaries', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ links: sessions.slice(0, SUMMARIES_MAX_LINKS).map(({ id, token }) => ({ id, token })) }),
			signal,
		})
	} catch {
		return { ok: false, message: 'Threatroom could not be reached to bring these up to date.' }
	}
	const parsed = summariesResponse.safeParse(await response.json().catch(() => null))
	if (!response.ok || !parsed.success) return { ok: false, message: `Could not bring these up to date (HTTP ${response.status}).` }
	return { ok: true, byId: new Map(parsed.data.sessions.map((session) => [session.id, session])) }
}
