/**
 * Presence colours: saturated enough to read as a cursor on the light and the dark canvas, and far
 * enough apart that two people in the same workshop are rarely confused.
 */
export const PRESENCE_COLORS = [
	'#e03131',
	'#f76707',
	'#f59f00',
	'#2f9e44',
	'#0c8599',
	'#1971c2',
	'#4263eb',
	'#7048e8',
	'#ae3ec9',
	'#d6336c',
	'#5c940d',
	'#862e9c',
] as const

/** FNV-1a, 32 bit: tiny, stable across browsers and sessions, good enough spread for a palette index. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i)
		hash = Math.imul(hash, 0x01000193)
	}
	return hash >>> 0
}

/** The same person gets the same colour in every tab and on every collaborator's screen. */
export function colorForUserId(userId: string): string {
	return PRESENCE_COLORS[fnv1a(userId) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}
