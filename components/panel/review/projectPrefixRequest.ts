import { errorResponse, type SessionSummary, sessionSummary } from '@/lib/api/sessionSchemas'

export type ProjectPrefixResult = { ok: true; session: SessionSummary } | { ok: false; message: string }

/** `PATCH /api/sessions/:id` with the facilitator's token: sets (or, with null, clears) the project prefix. */
export async function saveProjectPrefix(sessionId: string, token: string, projectPrefix: string | null): Promise<ProjectPrefixResult> {
	let response: Response
	try {
		response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ projectPrefix }),
		})
	} catch {
		return { ok: false, message: 'Threatroom could not be reached. Check your connection and try again.' }
	}
	const body: unknown = await response.json().catch(() => null)
	if (response.ok) {
		const parsed = sessionSummary.safeParse(body)
		if (parsed.success) return { ok: true, session: parsed.data }
	}
	const error = errorResponse.safeParse(body).data
	return { ok: false, message: error?.issues?.[0]?.message ?? error?.error ?? `The prefix could not be saved (HTTP ${response.status}).` }
}
