import * as z from 'zod/mini'
import { SUMMARIES_MAX_LINKS } from './sessionListSchemas'
import { higherRole, roleSchema } from '../roles'

// "My sessions": the sessions this browser created or joined, kept on this device only. A link's
// token is what opens the session, so it is kept with it — in this browser's storage, never sent
// anywhere but Threatroom's own API, never logged.

/** As many as one "My sessions" request may ask about. */
export const REMEMBERED_SESSIONS_MAX = SUMMARIES_MAX_LINKS

const rememberedSessionSchema = z.object({
	id: z.string().check(z.minLength(1), z.maxLength(64)),
	token: z.string().check(z.minLength(1), z.maxLength(256)),
	role: roleSchema,
	name: z.string().check(z.maxLength(256)),
	/** When this browser last created or opened it (epoch ms): the list's order. */
	seenAt: z.number().check(z.nonnegative()),
})
export type RememberedSession = z.infer<typeof rememberedSessionSchema>

/** What storage holds, as far as it can be trusted: anything malformed is dropped, not repaired. */
export function parseRememberedSessions(stored: unknown): RememberedSession[] {
	if (!Array.isArray(stored)) return []
	return stored.flatMap((entry) => {
		const parsed = rememberedSessionSchema.safeParse(entry)
		return parsed.success ? [parsed.data] : []
	})
}

/**
 * The list with `session` added or refreshed, most recent first. One entry per session: a
 * facilitator who also opens the participant link keeps the facilitator's link, because a lower
 * role's token would lock them out of ending the session or exporting it.
 */
export function rememberSession(list: readonly RememberedSession[], session: RememberedSession): RememberedSession[] {
	const existing = list.find((entry) => entry.id === session.id)
	const keepExisting = existing !== undefined && existing.role !== session.role && higherRole(existing.role, session.role) === existing.role
	const entry: RememberedSession = keepExisting
		? { ...existing, name: session.name || existing.name, seenAt: session.seenAt }
		: { ...session, name: session.name || existing?.name || '' }
	return [entry, ...list.filter((other) => other.id !== session.id)].slice(0, REMEMBERED_SESSIONS_MAX)
}

export function forgetSession(list: readonly RememberedSession[], id: string): RememberedSession[] {
	return list.filter((entry) => entry.id !== id)
}

/** `<origin>/s/<id>#<token>` → its parts; null for anything else. */
export function sessionLinkParts(url: string): { id: string; token: string } | null {
	let parsed: URL
	try {
		parsed = new URL(url)
	} catch {
		return null
	}
	const match = /^\/s\/([^/]+)$/.exec(parsed.pathname)
	const token = parsed.hash.slice(1)
	if (!match?.[1] || token === '') return null
	return { id: decodeURIComponent(match[1]), token }
}

/** The link a remembered session opens with (relative: the same origin that handed it out). */
export function sessionPath({ id, token }: Pick<RememberedSession, 'id' | 'token'>): string {
	return `/s/${encodeURIComponent(id)}#${token}`
}
