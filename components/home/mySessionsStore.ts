import type { CreateSessionResponse } from '@/lib/api/sessionSchemas'
import type { Role } from '@/lib/roles'
import { forgetSession, parseRememberedSessions, type RememberedSession, rememberSession, sessionLinkParts } from '@/lib/api/rememberedSessions'

// "My sessions" in this browser's localStorage (lib/api/rememberedSessions.ts for the rules).
// Tokens stay on this device: never logged, only ever sent to Threatroom's own API.

const STORAGE_KEY = 'threatroom.mySessions'
/** Same-tab listeners; other tabs hear the browser's own `storage` event. */
const CHANGED_EVENT = 'threatroom:my-sessions'

const EMPTY: RememberedSession[] = []
let cache: { raw: string | null; sessions: RememberedSession[] } = { raw: null, sessions: EMPTY }

/** Stable between changes, as useSyncExternalStore needs: re-parsed only when the stored text changed. */
export function readRememberedSessions(): RememberedSession[] {
	let raw: string | null
	try {
		raw = window.localStorage.getItem(STORAGE_KEY)
	} catch {
		return EMPTY
	}
	if (raw === cache.raw) return cache.sessions
	let parsed: unknown = null
	try {
		parsed = raw === null ? null : JSON.parse(raw)
	} catch {
		// A corrupt entry is as good as none; the next write replaces it.
	}
	cache = { raw, sessions: parseRememberedSessions(parsed) }
	return cache.sessions
}

export function serverRememberedSessions(): RememberedSession[] {
	return EMPTY
}

function write(sessions: RememberedSession[]): void {
	try {
		window.localStorage.setItem(STORAGE_KEY, JSON.stringify(sessions))
	} catch {
		// Storage disabled or full: the list is a convenience, the session itself is unaffected.
		return
	}
	window.dispatchEvent(new Event(CHANGED_EVENT))
}

export function subscribeToRememberedSessions(onChange: () => void): () => void {
	const onStorage = (event: StorageEvent) => {
		if (event.key === STORAGE_KEY) onChange()
	}
	window.addEventListener(CHANGED_EVENT, onChange)
	window.addEventListener('storage', onStorage)
	return () => {
		window.removeEventListener(CHANGED_EVENT, onChange)
		window.removeEventListener('storage', onStorage)
	}
}

export function rememberSessionLink(session: { id: string; token: string; role: Role; name: string }): void {
	write(rememberSession(readRememberedSessions(), { ...session, seenAt: Date.now() }))
}

/** A session this browser just created (or imported, or followed up): the facilitator's link is the one to keep. */
export function rememberCreatedSession(links: CreateSessionResponse, name: string): void {
	const parts = sessionLinkParts(links.facilitatorUrl)
	if (parts) rememberSessionLink({ ...parts, role: 'facilitator', name })
}

export function forgetRememberedSession(id: string): void {
	write(forgetSession(readRememberedSessions(), id))
}
