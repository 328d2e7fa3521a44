// Who is at the other end of a party socket. The page sends `name` and its secret `userKey` in the
// WebSocket query; the role comes from the token. A bad name is replaced, never rejected.

export const DISPLAY_NAME_MAX_LENGTH = 64
const USER_ID_MAX_LENGTH = 64
export const USER_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${USER_ID_MAX_LENGTH}}$`)
const GUEST_NAME = 'Guest'

export function parseDisplayName(raw: string | null): string {
	const name = raw?.trim() ?? ''
	return name.length >= 1 && name.length <= DISPLAY_NAME_MAX_LENGTH ? name : GUEST_NAME
}

/**
 * A person's public id (author of threats, owner of votes, shown to everyone) is derived from a
 * secret key that only their browser holds and sends. Knowing someone's public id therefore does
 * not let anyone act as them, even with the same link.
 */
export const USER_KEY_PATTERN = /^[A-Za-z0-9_-]{21,64}$/

export function isUserKey(value: unknown): value is string {
	return typeof value === 'string' && USER_KEY_PATTERN.test(value)
}

/** SHA-256 of the key, base64url, 22 characters (132 bits): WebCrypto, so app, party and Node tests agree. */
export async function userIdFromKey(userKey: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`threatroom-user:${userKey}`))
	let binary = ''
	for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte)
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 22)
}
