import { nanoid } from 'nanoid'

import { isUserKey } from '@/lib/protocol/identity'
import { parseJoinedSessions, withJoinedSession } from '@/lib/session/joinedSessions'

// Per-browser identity: not a login, just enough to recognise a returning tab as the same person.
// The key stays in this browser; others only ever see the public id the server derives from it.
const USER_KEY_KEY = 'threatroom.userKey'
const DISPLAY_NAME_KEY = 'threatroom.displayName'
const JOINED_SESSIONS_KEY = 'threatroom.joinedSessions'

export const DISPLAY_NAME_MAX_LENGTH = 64

let fallbackUserKey: string | undefined

export function getOrCreateUserKey(): string {
	const stored = readStorage(USER_KEY_KEY)
	if (isUserKey(stored)) return stored
	const userKey = fallbackUserKey ?? nanoid(32)
	// Storage can be disabled (private modes, policies); then the key lives as long as the page.
	if (!writeStorage(USER_KEY_KEY, userKey)) fallbackUserKey = userKey
	return userKey
}

export function readRememberedDisplayName(): string {
	return (readStorage(DISPLAY_NAME_KEY) ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH)
}

export function rememberDisplayName(displayName: string): void {
	writeStorage(DISPLAY_NAME_KEY, displayName)
}

/** Marks the session as joined from this browser: from now on a reload goes straight back in. */
export function rememberJoinedSession(sessionId: string): void {
	writeStorage(JOINED_SESSIONS_KEY, JSON.stringify(withJoinedSession(readJoinedSessions(), sessionId)))
}

/** The name to go straight back into a session joined before from this browser; null to ask for it. */
export function returningDisplayName(sessionId: string): string | null {
	if (!readJoinedSessions().includes(sessionId)) return null
	const parsed = parseDisplayName(readRememberedDisplayName())
	return parsed.ok ? parsed.value : null
}

function readJoinedSessions(): string[] {
	try {
		return parseJoinedSessions(JSON.parse(readStorage(JOINED_SESSIONS_KEY) ?? 'null'))
	} catch {
		// A corrupt entry is as good as none; the next join replaces it.
		return []
	}
}

/** Trimmed name, or the reason it can't be used. */
export function parseDisplayName(raw: string): { ok: true; value: string } | { ok: false; error: string } {
	const value = raw.trim()
	if (value.length === 0) return { ok: false, error: 'Enter the name others will see.' }
	if (value.length > DISPLAY_NAME_MAX_LENGTH) return { ok: false, error: `At most ${DISPLAY_NAME_MAX_LENGTH} characters.` }
	return { ok: true, value }
}

function readStorage(key: string): string | undefined {
	try {
		return window.localStorage.getItem(key) ?? undefined
	} catch {
		return undefined
	}
}

function writeStorage(key: string, value: string): boolean {
	try {
		window.localStorage.setItem(key, value)
		return true
	} catch {
		return false
	}
}
