import { INTERNAL_SECRET_HEADER, type RevokeLinksResponse, revokeLinksBody } from '@/lib/api/internalSchemas'

// Rotated links (app/api/sessions/[id]/links/rotate): the app revokes the old token in the
// database, then tells the room, whose sockets know which link each joined with — by its SHA-256,
// the same hash the database stores, computed at the door (auth.ts) so the token itself never
// reaches the room.

/** The request body is a handful of hashes; anything longer is not the app. */
const MAX_BODY_BYTES = 4 * 1024

/** A link token's SHA-256 in hex, as lib/tokens.ts `hashToken` computes it (WebCrypto: no node:crypto in workerd). */
export async function linkHashOf(token: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

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

/** Which open socket joined with which link; and the links revoked while this room has run. */
export class LinkConnections {
	private readonly linkOf = new Map<string, string>()
	private readonly revoked = new Set<string>()

	track(connectionId: string, linkHash: string): void {
		this.linkOf.set(connectionId, linkHash)
	}

	forget(connectionId: string): void {
		this.linkOf.delete(connectionId)
	}

	/**
	 * A socket whose token the app vouched for just before the revocation reached the room (it was
	 * waiting for the canvas to load): it must not get in after all.
	 */
	isRevoked(linkHash: string): boolean {
		return this.revoked.has(linkHash)
	}

	/** Remembers the hashes as revoked; the connections that used one of them, to close. */
	revoke(linkHashes: readonly string[]): string[] {
		for (const hash of linkHashes) this.revoked.add(hash)
		return [...this.linkOf].filter(([, hash]) => this.revoked.has(hash)).map(([connectionId]) => connectionId)
	}
}

interface RevocationRequest {
	method: string
	headers: { get(name: string): string | null }
	text(): Promise<string>
}

/**
 * `onRequest`: the only HTTP the room answers. 401 without the shared secret (checked before
 * anything else, in constant time), 405 for anything but POST, 413/400 for a body that is not a
 * revocation; else `revoke` closes the sockets and the answer says how many.
 */
export async function handleRevocationRequest(request: RevocationRequest, secret: string, revoke: (linkHashes: string[]) => number): Promise<Response> {
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
	const body = revokeLinksBody.safeParse(json)
	if (!body.success) return Response.json({ error: 'Invalid request' }, { status: 400 })
	const response: RevokeLinksResponse = { disconnected: revoke(body.data.tokenHashes) }
	return Response.json(response)
}
