import { jsonResponse, readJsonBody, withErrors } from '@/lib/api/http'
import { SUMMARIES_MAX_BYTES, summariesBody, type SummariesResponse } from '@/lib/api/sessionListSchemas'
import { listSessionsForLinks } from '@/lib/db/sessionSummariesRepo'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * "My sessions": what the links this browser kept open, with status, dates and counts. A POST so
 * the tokens travel in the body, never in a URL or a log; links that open nothing are left out.
 */
export const POST = withErrors(async (request: Request) => {
	const { links } = await readJsonBody(request, summariesBody, { maxBytes: SUMMARIES_MAX_BYTES })
	const entries = await listSessionsForLinks(links)
	const response: SummariesResponse = {
		sessions: entries.map(({ session, role, counts }) => ({
			id: session.id,
			name: session.name,
			framework: session.framework,
			status: session.status,
			createdAt: session.createdAt,
			endedAt: session.endedAt,
			previousSessionId: session.previousSessionId,
			projectPrefix: session.projectPrefix,
			sessionNumber: session.sessionNumber,
			role,
			counts,
		})),
	}
	return jsonResponse(response)
})
