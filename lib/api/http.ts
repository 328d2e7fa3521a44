import { en } from 'zod/locales'
import * as z from 'zod/mini'
import { BadRequestError, HttpError, NotFoundError, PayloadTooLargeError, UnauthorizedError, UnsupportedMediaTypeError } from '@/lib/errors'
import { API_CONTENT_SECURITY_POLICY } from '@/lib/security/contentSecurityPolicy'
import { SESSION_ID_PATTERN } from './sessionSchemas'
import { DEFAULT_MAX_JSON_DEPTH, exceedsJsonDepth, isJsonContentType, reservedKeyIssues } from './jsonGuards'

// Helpers shared by the route handlers in app/api.

// The API's schemas are zod/mini, shared with the browser, and mini loads no messages of its own:
// without this, a field error would say only "Invalid input".
z.config(en())

export interface ReadJsonBodyOptions {
	maxBytes: number
	/** Deepest nesting of arrays and objects accepted; DEFAULT_MAX_JSON_DEPTH (64) when unset. */
	maxDepth?: number
	/**
	 * Accept `__proto__`, `constructor` and `prototype` keys (refused by default). Only for the
	 * room's opaque snapshot, whose `meta` objects hold whatever keys a client put there: refusing
	 * them would let one participant block every save of the session.
	 */
	allowReservedKeys?: boolean
}

/**
 * Reads, parses and validates a JSON body. 415 unless the Content-Type is JSON; 413 over the limit,
 * enforced on the bytes actually read, before any parsing, because Content-Length may be absent
 * (chunked) or wrong; 400 for text that is not UTF-8 JSON, nests deeper than `maxDepth`, uses a
 * reserved key or fails the schema, each with the issues found.
 */
export async function readJsonBody<Schema extends z.core.$ZodType>(
	request: Request,
	schema: Schema,
	{ maxBytes, maxDepth = DEFAULT_MAX_JSON_DEPTH, allowReservedKeys = false }: ReadJsonBodyOptions,
): Promise<z.output<Schema>> {
	if (!isJsonContentType(request.headers.get('content-type'))) throw new UnsupportedMediaTypeError()
	const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN)
	if (declaredLength > maxBytes) throw new PayloadTooLargeError(maxBytes)

	const bytes = await readBytes(request, maxBytes)
	let text: string
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		throw new BadRequestError('Invalid JSON')
	}
	if (exceedsJsonDepth(text, maxDepth)) {
		throw new BadRequestError('Invalid request', { issues: [{ path: '', message: `Nested deeper than ${maxDepth} levels` }] })
	}
	let value: unknown
	try {
		value = JSON.parse(text)
	} catch {
		throw new BadRequestError('Invalid JSON')
	}
	if (!allowReservedKeys) {
		const issues = reservedKeyIssues(value)
		if (issues.length > 0) throw new BadRequestError('Invalid request', { issues })
	}

	return validated(schema, value)
}

/** What the schema makes of the value, or a 400 with one issue (path and message) per problem. */
function validated<Schema extends z.core.$ZodType>(schema: Schema, value: unknown): z.output<Schema> {
	const result = z.safeParse(schema, value)
	if (!result.success) {
		const issues = result.error.issues.map((issue) => ({
			path: issue.path.map(String).join('.'),
			message: issue.message,
		}))
		throw new BadRequestError('Invalid request', { issues })
	}
	return result.data
}

/**
 * The named query parameters of a request URL, validated like a JSON body (a 400 with an issue
 * per bad parameter). A repeated parameter counts once (the first); unknown ones are ignored.
 */
export function readQuery<Schema extends z.core.$ZodType>(url: URL, keys: readonly string[], schema: Schema): z.output<Schema> {
	const params: Record<string, string> = {}
	for (const key of keys) {
		const value = url.searchParams.get(key)
		if (value !== null) params[key] = value
	}
	return validated(schema, params)
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

/**
 * JSON response that no cache keeps (every API answer is per-session and some carry secrets) and
 * that nothing can render as a document. Every /api answer is one of these (unknown paths too:
 * app/api/[...path]), so the API needs no proxy to carry its Content-Security-Policy.
 */
export function jsonResponse(body: unknown, status = 200): Response {
	return Response.json(body, {
		status,
		headers: {
			'cache-control': 'no-store',
			'content-security-policy': API_CONTENT_SECURITY_POLICY,
			'x-content-type-options': 'nosniff',
		},
	})
}

/** nginx's "client closed request": logged nowhere, read by nobody. */
const CLIENT_CLOSED_REQUEST = 499

/**
 * Node's error for a request body the client stopped sending (the browser left mid-request). Read
 * by shape: it can come from another realm than this module's `Error`.
 */
function isClientAbort(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ECONNRESET' && 'message' in error && error.message === 'aborted'
}

/**
 * Turns thrown HttpErrors into their JSON answer; anything else is logged and answered with a generic
 * 500 so stack traces and SQL never reach the caller.
 */
export function withErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
	return async (...args) => {
		try {
			return await handler(...args)
		} catch (error) {
			if (error instanceof HttpError) return jsonResponse(error.toBody(), error.status)
			// Nobody is left to read an answer, and a browser closing a tab is no server error.
			if (isClientAbort(error)) return new Response(null, { status: CLIENT_CLOSED_REQUEST })
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

export async function requireSessionIdParam(params: Promise<{ id: string }>, notFoundMessage = 'Session not found'): Promise<string> {
	const { id } = await params
	if (!SESSION_ID_PATTERN.test(id)) throw new NotFoundError(notFoundMessage)
	return id
}
