import { readJsonBody, jsonResponse, withErrors } from '@/lib/api/http'
import { publicOrigin, sessionLinks } from '@/lib/server/origin'
import { createSessionBody, type CreateSessionResponse } from '@/lib/api/sessionSchemas'
import { createSession } from '@/lib/db/sessionsRepo'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

const MAX_BODY_BYTES = 64 * 1024

/** Creates a session and answers with its four role links; the tokens in them are never shown again. */
export const POST = withErrors(async (request: Request) => {
	const body = await readJsonBody(request, createSessionBody, { maxBytes: MAX_BODY_BYTES })
	const { id, tokens } = await createSession(body)
	const response: CreateSessionResponse = { id, ...sessionLinks(publicOrigin(request), id, tokens) }
	return jsonResponse(response, 201)
})
