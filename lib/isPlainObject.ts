/** A JSON object (not null, not an array): the first check of hand-written guards over parsed JSON. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}
