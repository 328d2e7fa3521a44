import { nanoid } from 'nanoid'

// Per-browser identity: not a login, just enough for the canvas to show who is who and to recognise
// a returning tab as the same person.
const USER_ID_KEY = 'threatroom.userId'
const DISPLAY_NAME_KEY = 'threatroom.displayName'
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/

export const DISPLAY_NAME_MAX_LENGTH = 64

let fallbackUserId: string | undefined

export function getOrCreateUserId(): string {
	const stored = readStorage(USER_ID_KEY)
	if (stored !== undefined && USER_ID_PATTERN.test(stored)) return stored
	const userId = fallbackUserId ?? nanoid()
	// Storage can be disabled (private modes, policies); then the id lives as long as the page.
	if (!writeStorage(USER_ID_KEY, userId)) fallbackUserId = userId
	return userId
}

export function readRememberedDisplayName(): string {
	return (readStorage(DISPLAY_NAME_KEY) ?? '').slice(0, DISPLAY_NAME_MAX_LENGTH)
}

export function rememberDisplayName(displayName: string): void {
	writeStorage(DISPLAY_NAME_KEY, displayName)
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
