// What text the HTTP API stores for a session (its name and description, and the text of an
// imported model) may contain. React- and drizzle-free: the home page checks the same rules.

/**
 * C0 and C1 control characters (NUL among them) but tab, LF and CR, the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", a name that reads
 * differently from what it is), and unpaired surrogates (not Unicode; SQLite would mangle them).
 */
const UNSAFE_IN_TEXT =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** As above, and no line breaks or tabs either: a name is one line. */
const UNSAFE_IN_LINE =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects
	/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const UNSAFE_TEXT_MESSAGE = 'Must not contain control characters or bidirectional overrides'
export const UNSAFE_LINE_MESSAGE = 'Must be one line without control characters or bidirectional overrides'

export function isSafeText(text: string): boolean {
	return !UNSAFE_IN_TEXT.test(text)
}

export function isSafeLine(text: string): boolean {
	return !UNSAFE_IN_LINE.test(text)
}

const MAX_REPORTED = 20

/**
 * Every string in a parsed JSON value (keys included) that is not safe text, with its path; at
 * most 20. Iterative: the body's depth was bounded before parsing, but nothing here recurses.
 */
export function unsafeTextIssues(value: unknown): Array<{ path: string; message: string }> {
	const issues: Array<{ path: string; message: string }> = []
	const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }]
	while (stack.length > 0 && issues.length < MAX_REPORTED) {
		const next = stack.pop()
		if (!next) break
		if (typeof next.value === 'string') {
			if (!isSafeText(next.value)) issues.push({ path: next.path.join('.'), message: UNSAFE_TEXT_MESSAGE })
			continue
		}
		if (typeof next.value !== 'object' || next.value === null) continue
		for (const [key, child] of Object.entries(next.value)) {
			const path = [...next.path, key]
			if (!isSafeText(key)) {
				issues.push({ path: path.join('.'), message: `Key: ${UNSAFE_TEXT_MESSAGE}` })
				continue
			}
			stack.push({ value: child, path })
		}
	}
	return issues.reverse()
}
