/** Characters no file system we care about accepts in a name, plus control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what this replaces
const UNSAFE_IN_FILENAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g

function safeFilename(name: string): string {
	return name.replace(UNSAFE_IN_FILENAME, '_').trim()
}

function decodeExtended(value: string): string | null {
	// RFC 5987: charset'language'percent-encoded, e.g. UTF-8''Payments%20review.md
	const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.+)$/.exec(value)
	if (!match?.[2] || match[1]?.toLowerCase() !== 'utf-8') return null
	try {
		return decodeURIComponent(match[2])
	} catch {
		return null
	}
}

/**
 * The file name the server chose for an attachment (RFC 6266): `filename*` (UTF-8) wins over the
 * plain `filename`, which may be quoted. Falls back when the header says nothing usable; never
 * returns a path, only a name.
 */
export function downloadFilename(contentDisposition: string | null, fallback: string): string {
	if (!contentDisposition) return fallback
	const extended = /filename\*\s*=\s*"?([^";]+)"?/i.exec(contentDisposition)?.[1]
	const decoded = extended ? decodeExtended(extended.trim()) : null
	const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(contentDisposition)
	const quoted = plain?.[1]?.replace(/\\(.)/g, '$1')
	const name = decoded ?? quoted ?? plain?.[2]?.trim() ?? ''
	const safe = safeFilename(name.split(/[\\/]/).at(-1) ?? '')
	return safe === '' ? fallback : safe
}
