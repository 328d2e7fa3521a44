// Checks on a JSON body before and after JSON.parse, so hostile input is refused with a 400 and an
// issue instead of reaching code that would choke on it (a stack overflow is a 500).

/** Deep enough for every body we accept (a Threat Dragon model nests about a dozen levels). */
export const DEFAULT_MAX_JSON_DEPTH = 64

/**
 * Keys that mean something to JavaScript objects. JSON.parse makes them plain own properties, but a
 * later `Object.assign`, spread into a prototype-less merge or `obj[key] = value` copy (zod's
 * `z.record` copies like that) can turn `__proto__` into a prototype change, and `constructor` /
 * `prototype` into a path to one. No body of ours has a field by these names, so they are refused.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Whether the JSON text nests arrays and objects deeper than `maxDepth`. A scan of the raw text,
 * linear and without recursion, before anything parses it: V8 parses a 5 MiB `[[[[…` in seconds
 * and every recursive walker after it (JSON.stringify, validators) overflows the stack.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
	let depth = 0
	let inString = false
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index)
		if (inString) {
			if (code === BACKSLASH) index++
			else if (code === QUOTE) inString = false
		} else if (code === QUOTE) inString = true
		else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
			if (++depth > maxDepth) return true
		} else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--
	}
	return false
}

export interface JsonIssue {
	path: string
	message: string
}

const MAX_REPORTED_KEYS = 20

/**
 * Every reserved key in a parsed value (at most 20), with its path. Iterative, so it runs on any
 * depth exceedsJsonDepth let through.
 */
export function reservedKeyIssues(value: unknown): JsonIssue[] {
	const issues: JsonIssue[] = []
	const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }]
	while (stack.length > 0 && issues.length < MAX_REPORTED_KEYS) {
		const next = stack.pop()
		if (!next || typeof next.value !== 'object' || next.value === null) continue
		for (const [key, child] of Object.entries(next.value)) {
			const path = [...next.path, key]
			if (!Array.isArray(next.value) && RESERVED_KEYS.has(key)) {
				issues.push({ path: path.join('.'), message: `"${key}" is not allowed as a key` })
				continue
			}
			stack.push({ value: child, path })
		}
	}
	return issues
}

/**
 * `application/json`, or a `+json` type (`application/vnd.foo+json`), with any parameters. Anything
 * else is refused before the body is read: a cross-site form or a `text/plain` fetch can post
 * without a CORS preflight, and none of our clients sends anything but JSON.
 */
export function isJsonContentType(header: string | null): boolean {
	if (header === null) return false
	const mediaType = header.split(';')[0]?.trim().toLowerCase() ?? ''
	return mediaType === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType)
}
