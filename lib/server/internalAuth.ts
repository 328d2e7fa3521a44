import 'server-only'
import { createHash, timingSafeEqual } from 'node:crypto'
import { getEnv } from '@/lib/env'
import { UnauthorizedError } from '@/lib/errors'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'

/** Throws 401 unless the request carries the shared secret the party and the app agree on. */
export function requireInternalSecret(request: Request): void {
	const presented = request.headers.get(INTERNAL_SECRET_HEADER)
	if (presented === null || !secretsEqual(presented, getEnv().INTERNAL_SECRET)) {
		throw new UnauthorizedError()
	}
}

// Hashing first gives equal-length buffers, so timingSafeEqual leaks neither content nor length.
function secretsEqual(presented: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
	return timingSafeEqual(digest(presented), digest(expected))
}
