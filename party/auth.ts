import type * as Party from 'partykit/server'
import { TOKEN_HASH_PATTERN } from '@/lib/api/internalSchemas'
import { linkTokenSchema } from '@/lib/api/sessionSchemas'
import { type Person, personSchema } from '@/lib/protocol/customMessages'
import { parseDisplayName, isUserKey, userIdFromKey } from '@/lib/protocol/identity'
import { type AuthorizeResult, createAppApi } from './appApi'
import { parsePartyEnv } from './env'
import { linkHashOf } from './linkRevocation'

// Authentication happens at the door (the worker, before the room) and reaches the room as request
// headers. The worker always overwrites them, so a client can never supply its own.
export const IDENTITY_HEADER = {
	role: 'x-threatroom-role',
	/** URI-encoded: header values must be Latin-1 and names need not be. */
	name: 'x-threatroom-name',
	user: 'x-threatroom-user',
	/** SHA-256 of the link's token, so the room can close the sockets of a revoked link (linkRevocation.ts). */
	link: 'x-threatroom-link',
	authError: 'x-threatroom-auth-error',
} as const

export type AuthError = 'NOT_AUTHENTICATED' | 'NOT_FOUND'

/**
 * `onBeforeConnect`: asks the app what the link's token grants. A bad link still reaches the room
 * (with an auth-error header) so the room can close the socket with tldraw's 4099 code, which the
 * browser can read; a refused upgrade would only look like a network error and be retried.
 */
export async function authenticate(request: Party.Request, lobby: Party.Lobby): Promise<Party.Request | Response> {
	const url = new URL(request.url)
	const token = url.searchParams.get('token') ?? ''
	const name = parseDisplayName(url.searchParams.get('name'))
	const userKey = url.searchParams.get('userKey')
	// Without a valid key the visitor is anonymous: a fresh id per connection, owning nothing later.
	const userId = isUserKey(userKey) ? await userIdFromKey(userKey) : crypto.randomUUID().replaceAll('-', '')

	let result: AuthorizeResult
	if (!linkTokenSchema.safeParse(token).success) {
		result = { ok: false, reason: 'NOT_AUTHENTICATED' }
	} else {
		try {
			result = await createAppApi(parsePartyEnv(lobby.env), lobby.id).authorize(token)
		} catch (error) {
			console.error('[party] cannot authenticate:', error instanceof Error ? error.message : error)
			result = { ok: false, reason: 'UNAVAILABLE' }
		}
	}
	// A refused upgrade is what the browser retries on, which is right while the app is down.
	if (!result.ok && result.reason === 'UNAVAILABLE') {
		return new Response('Threatroom is starting or unavailable; retry shortly', { status: 503 })
	}

	// The token and the user key have done their job: keep them out of the room (`conn.uri`). `_pk` would let a client pick
	// its connection id, which is also its tldraw session id.
	url.searchParams.delete('token')
	url.searchParams.delete('userKey')
	url.searchParams.delete('_pk')
	const forwarded = copyRequest(url.toString(), request)
	for (const header of Object.values(IDENTITY_HEADER)) forwarded.headers.delete(header)
	if (result.ok) {
		forwarded.headers.set(IDENTITY_HEADER.role, result.role)
		forwarded.headers.set(IDENTITY_HEADER.name, encodeURIComponent(name))
		forwarded.headers.set(IDENTITY_HEADER.user, userId)
		forwarded.headers.set(IDENTITY_HEADER.link, await linkHashOf(token))
	} else {
		forwarded.headers.set(IDENTITY_HEADER.authError, result.reason)
	}
	return forwarded
}

/** `onConnect`: who the worker let in, or why not. A request without headers never passed the worker. */
export function identityOf(request: {
	headers: Pick<Headers, 'get' | 'has'>
}): { ok: true; person: Person; linkHash: string } | { ok: false; reason: AuthError } {
	const headers = request.headers
	if (headers.get(IDENTITY_HEADER.authError) === 'NOT_FOUND') return { ok: false, reason: 'NOT_FOUND' }
	if (headers.has(IDENTITY_HEADER.authError)) return { ok: false, reason: 'NOT_AUTHENTICATED' }
	const person = personSchema.safeParse({
		role: headers.get(IDENTITY_HEADER.role),
		name: decodeHeader(headers.get(IDENTITY_HEADER.name)),
		userId: headers.get(IDENTITY_HEADER.user),
	})
	const linkHash = headers.get(IDENTITY_HEADER.link)
	if (!person.success || linkHash === null || !TOKEN_HASH_PATTERN.test(linkHash)) return { ok: false, reason: 'NOT_AUTHENTICATED' }
	return { ok: true, person: person.data, linkHash }
}

function decodeHeader(value: string | null): string | null {
	if (value === null) return null
	try {
		return decodeURIComponent(value)
	} catch {
		return null
	}
}

// PartyKit types requests with Cloudflare's types, the global Request is the DOM's; at runtime
// they are the same class.
function copyRequest(url: string, request: Party.Request): Party.Request {
	return new Request(url, request as unknown as Request) as unknown as Party.Request
}
