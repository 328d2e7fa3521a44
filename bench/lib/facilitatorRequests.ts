import type { BenchSession } from './appApi'
import type { BenchStack } from './stack'

// What a facilitator's page asks the app for while a workshop runs, on the facilitator's link:
// the reports (Markdown, CSV, the JSON model; each reads the last saved canvas from libSQL) and the
// session itself.

export const FACILITATOR_REQUESTS = ['md', 'csv', 'json', 'session'] as const
export type FacilitatorRequest = (typeof FACILITATOR_REQUESTS)[number]

const REQUEST_TIMEOUT_MS = 30_000

function urlOf(stack: BenchStack, sessionId: string, request: FacilitatorRequest): string {
	const session = `${stack.appUrl}/api/sessions/${encodeURIComponent(sessionId)}`
	return request === 'session' ? session : `${session}/export?format=${request}`
}

/** ms from the request to the answer's last byte; null when it failed or answered other than 200. */
export async function timedFacilitatorRequest(stack: BenchStack, session: BenchSession, request: FacilitatorRequest): Promise<number | null> {
	const started = performance.now()
	try {
		const response = await fetch(urlOf(stack, session.id, request), {
			headers: { authorization: `Bearer ${session.tokens.facilitator}` },
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		})
		await response.arrayBuffer()
		return response.status === 200 ? performance.now() - started : null
	} catch {
		return null
	}
}
