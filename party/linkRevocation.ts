// Rotated links (app/api/sessions/[id]/links/rotate): the app revokes the old token in the
// database, then tells the room, whose sockets know which link each joined with — by its SHA-256,
// the same hash the database stores, computed at the door (auth.ts) so the token itself never
// reaches the room.

/** A link token's SHA-256 in hex, as lib/tokens.ts `hashToken` computes it (WebCrypto: no node:crypto in workerd). */
export async function linkHashOf(token: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
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
