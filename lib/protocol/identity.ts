// Who is at the other end of a party socket. The page sends `name` and `userId` in the WebSocket
// query; they are display data only (the role comes from the token), so a bad value is replaced,
// never rejected.

export const DISPLAY_NAME_MAX_LENGTH = 64
export const USER_ID_MAX_LENGTH = 64
export const USER_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${USER_ID_MAX_LENGTH}}$`)
export const GUEST_NAME = 'Guest'

export function parseDisplayName(raw: string | null): string {
	const name = raw?.trim() ?? ''
	return name.length >= 1 && name.length <= DISPLAY_NAME_MAX_LENGTH ? name : GUEST_NAME
}

/** A stable id per browser lets the people list show one person with two tabs once. */
export function parseUserId(raw: string | null, fallback: () => string): string {
	return raw !== null && USER_ID_PATTERN.test(raw) ? raw : fallback()
}
