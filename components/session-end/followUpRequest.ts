import { followUpResponse } from '@/lib/api/derivedSessionSchemas'
import { type CreateSessionResponse, errorResponse } from '@/lib/api/sessionSchemas'

export type FollowUpResult = { ok: true; links: CreateSessionResponse } | { ok: false; message: string }

/** `POST /api/sessions/:id/follow-up` with the facilitator's token: a new session that picks up where this one ended. */
export async function startFollowUp(sessionId: string, token: string): Promise<FollowUpResult> {
	let response: Response
	try {
		response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/follow-up`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` },
		})
	} catch {
		return { ok: false, message: 'Threatroom could not be reached. Check your connection and try again.' }
	}
	const body: unknown = await response.json().catch(() => null)
	if (response.status === 201) {
		const parsed = followUpResponse.safeParse(body)
		if (parsed.success) return { ok: true, links: parsed.data }
	}
	if (response.status === 409) {
		return { ok: false, message: 'The session has to be ended before a follow-up can start. It may have been reopened.' }
	}
	if (response.status === 401 || response.status === 403) {
		return { ok: false, message: 'Only the facilitator’s link can start a follow-up session.' }
	}
	return {
		ok: false,
		message: errorResponse.safeParse(body).data?.error ?? `The follow-up session could not be created (HTTP ${response.status}). Try again.`,
	}
}
