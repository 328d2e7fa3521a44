import type { z } from 'zod'
import { BadRequestError, HttpError, NotFoundError, PayloadTooLargeError, UnauthorizedError } from '@/lib/errors'

// Helpers shared by the route handlers in app/api.

export interface ReadJsonBodyOptions {
	maxBytes: number
}

/**
 * Reads, parses and validates a JSON body. The limit is enforced on the bytes actually read, before any
 * parsing, because Content-Length may be absent (chunked) or wrong.
 */
export async function readJsonBody<Schema extends z.ZodType>(
	request: Request,
	schema: Schema,
	{ maxBytes }: ReadJsonBodyOptions,
): Promise<z.output<Schema>> {
	const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN)
	if (declaredLength > maxBytes) throw new PayloadTooLargeError(maxBytes)

	const bytes = await readBytes(request, maxBytes)
	let value: unknown
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
	} catch {
		throw new BadRequestError('Invalid JSON')
	}

	const result = schema.safeParse(value)
	if (!result.success) {
		const issues = result.error.issues.map((issue) => ({
			path: issue.path.map(String).join('.'),
			message: issue.message,
		}))
		throw new BadRequestError('Invalid request', { issues })
	}
	return result.data
}

async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	if (!request.body) return new Uint8Array()
	const reader = request.body.getReader()
	const chunks: Uint8Array[] = []
	let total = 0
	for (;;) {
		const { done, value } = await reader.read()
		if (done) break
		total += value.byteLength
		if (total > maxBytes) {
			// Stop reading instead of buffering the rest of an oversized upload.
			await reader.cancel().catch(() => {})
			throw new PayloadTooLargeError(maxBytes)
		}
		chunks.push(value)
	}
	const bytes = new Uint8Array(total)
	let offset = 0
	for (const chunk of chunks) {
		bytes.set(chunk, offset)
		offset += chunk.byteLength
	}
	return bytes
}

/** JSON response that no cache keeps: every API answer is per-session and some carry secrets. */
export function jsonResponse(body: unknown, status = 200): Response {
	return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

/**
 * Turns thrown HttpErrors into their JSON answer; anything else is logged and answered with a generic
 * 500 so stack traces and SQL never reach the caller.
 */
export function withErrors<Args extends unknown[]>(
	handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
	return async (...args) => {
		try {
			return await handler(...args)
		} catch (error) {
			if (error instanceof HttpError) return jsonResponse(error.toBody(), error.status)
			console.error('Unexpected error in API route', error)
			return jsonResponse({ error: 'Internal server error' }, 500)
		}
	}
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function parseBearerToken(header: string | null): string | null {
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')
	return match?.[1] ?? null
}

export function requireBearerToken(request: Request): string {
	const token = parseBearerToken(request.headers.get('authorization'))
	if (token === null) throw new UnauthorizedError('Missing bearer token')
	return token
}

// Session ids are nanoids; anything else cannot exist, so it is a 404 without a database lookup.
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export async function requireSessionIdParam(
	params: Promise<{ id: string }>,
	notFoundMessage = 'Session not found',
): Promise<string> {
	const { id } = await params
	if (!SESSION_ID_PATTERN.test(id)) throw new NotFoundError(notFoundMessage)
	return id
}
