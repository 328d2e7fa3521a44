import {
	INTERNAL_SECRET_HEADER,
	type ProjectChangedBody,
	type ProjectChangedResponse,
	type RevokeLinksResponse,
	roomRequestBody,
} from '@/lib/api/internalSchemas'

// The only HTTP the room answers: the app telling it what changed outside the canvas (a rotated
// link, a new project prefix). Everything else reaches the room over its sockets.

/** A body is a handful of hashes or a prefix; anything longer is not the app. */
const MAX_BODY_BYTES = 4 * 1024

/**
 * Compares the presented secret with the expected one in constant time: both are hashed first, so
 * the loop always runs over 32 bytes whatever their lengths, and it never exits early.
 */
export async function secretMatches(presented: string | null, expected: string): Promise<boolean> {
	if (presented === null) return false
	const encoder = new TextEncoder()
	const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', encoder.encode(presented)), crypto.subtle.digest('SHA-256', encoder.encode(expected))])
	const left = new Uint8Array(a)
	const right = new Uint8Array(b)
	let difference = 0
	for (let index = 0; index < left.length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0)
	return difference === 0
}

export interface AppRequestHandlers {
	/** Closes the sockets that joined with one of the links; how many. */
	revokeLinks(linkHashes: string[]): number
	/** Tells every open socket the session's new project IDs; how many. */
	projectChanged(project: Omit<ProjectChangedBody, 'type'>): number
}

interface AppRequest {
	method: string
	headers: { get(name: string): string | null }
	text(): Promise<string>
}

/**
 * `onRequest`: 401 without the shared secret (checked before anything else, in constant time),
 * 405 for anything but POST, 413/400 for a body that is not one of the app's requests; else the
 * handler acts and the answer says on how many sockets.
 */
export async function handleAppRequest(request: AppRequest, secret: string, handlers: AppRequestHandlers): Promise<Response> {
	if (!(await secretMatches(request.headers.get(INTERNAL_SECRET_HEADER), secret))) {
		return Response.json({ error: 'Unauthorized' }, { status: 401 })
	}
	if (request.method !== 'POST') return Response.json({ error: 'Method not allowed' }, { status: 405, headers: { allow: 'POST' } })
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return Response.json({ error: 'Body too large' }, { status: 413 })
	const text = await request.text()
	if (text.length > MAX_BODY_BYTES) return Response.json({ error: 'Body too large' }, { status: 413 })
	let json: unknown
	try {
		json = JSON.parse(text)
	} catch {
		return Response.json({ error: 'Invalid JSON' }, { status: 400 })
	}
	const body = roomRequestBody.safeParse(json)
	if (!body.success) return Response.json({ error: 'Invalid request' }, { status: 400 })
	if (body.data.type === 'revoke-links') {
		const response: RevokeLinksResponse = { disconnected: handlers.revokeLinks(body.data.tokenHashes) }
		return Response.json(response)
	}
	const { projectPrefix, sessionNumber } = body.data
	const response: ProjectChangedResponse = { notified: handlers.projectChanged({ projectPrefix, sessionNumber }) }
	return Response.json(response)
}
