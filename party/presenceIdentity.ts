import { createUserId } from '@tldraw/tlschema'
import type { Person } from '@/lib/protocol/customMessages'
import type { ClientMessage } from './clientMessages'

// tldraw never authorizes presence: a client's cursor says whatever `userId` and `userName` it
// sends. A participant could then show their cursor as the facilitator's and, since following goes
// by presence `userId` (components/panel/analyse/useFollowFacilitator.ts), take everyone's camera
// along. The room writes the identity it authenticated over whatever the push claims.

const IDENTITY_KEYS = ['userId', 'userName'] as const

/**
 * The push with its presence under `person`'s identity, or null when it has none to change (no
 * presence, or the client's own identity already: what tldraw's client sends).
 */
export function withOwnPresenceIdentity(message: ClientMessage, person: Pick<Person, 'userId' | 'name'>): ClientMessage | null {
	if (message.type !== 'push' || !message.presence) return null
	const own = { userId: createUserId(person.userId), userName: person.name }
	const [op, value] = message.presence
	if (op === 'put') {
		if (IDENTITY_KEYS.every((key) => value[key] === own[key])) return null
		return { ...message, presence: ['put', { ...value, ...own }] }
	}
	// A patch touches the identity only if it names one of its keys; each becomes a put of our own.
	if (!IDENTITY_KEYS.some((key) => Object.hasOwn(value, key))) return null
	const patched: Record<string, unknown> = { ...value }
	for (const key of IDENTITY_KEYS) if (Object.hasOwn(value, key)) patched[key] = ['put', own[key]]
	return { ...message, presence: ['patch', patched] }
}
