import { type RotatableRole, type RotateLinkResponse, rotateLinkResponse } from '@/lib/api/linkSchemas'
import { errorResponse } from '@/lib/api/sessionSchemas'

export type RotateResult = { ok: true; rotated: RotateLinkResponse } | { ok: false; message: string }

/** `POST /api/sessions/:id/links/rotate` with the facilitator's token: a new link for `role`, the old one revoked. */
export async function rotateLink(sessionId: string, token: string, role: RotatableRole): Promise<RotateResult> {
	let response: Response
	try {
		response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/links/rotate`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ role }),
		})
	} catch {
		return { ok: false, message: 'Threatroom could not be reached. Check your connection and try again.' }
	}
	const body: unknown = await response.json().catch(() => null)
	if (response.ok) {
		const parsed = rotateLinkResponse.safeParse(body)
		if (parsed.success) return { ok: true, rotated: parsed.data }
	}
	if (response.status === 401 || response.status === 403) {
		return { ok: false, message: 'Only the facilitator’s link can replace the session’s links.' }
	}
	return {
		ok: false,
		message: errorResponse.safeParse(body).data?.error ?? `The link could not be replaced (HTTP ${response.status}). Try again.`,
	}
}
