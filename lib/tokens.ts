import { createHash } from 'node:crypto'
import { nanoid } from 'nanoid'

/** 24 nanoid characters = 144 bits: unguessable, yet short enough for a link. */
export const TOKEN_LENGTH = 24

export function generateToken(): string {
	return nanoid(TOKEN_LENGTH)
}

/**
 * Only this hash is stored. A plain hash (no salt, no slow KDF) is enough because the token is
 * random with 144 bits of entropy, and it lets us look tokens up by hash directly.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex')
}
