// Everything user-written passes through one of these on its way into a report. Builders never
// concatenate raw text; the tests feed them hostile titles to prove it.

/**
 * C0 controls other than tab, LF and CR, and the non-characters U+FFFE/U+FFFF, are not allowed in
 * XML 1.0 at all: one of them in a name would make the whole SVG unreadable, so they are dropped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids are exactly what this drops
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function stripControlCharacters(text: string): string {
	return text.replace(FORBIDDEN_IN_XML, '')
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or attribute value in HTML, SVG and XML: the five characters that can end either. */
export function escapeHtml(text: string): string {
	return stripControlCharacters(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char)
}

/** HTML text where line breaks are kept. */
export function escapeHtmlLines(text: string): string {
	return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')
}

/**
 * An http(s) URL normalised by the URL parser, or null for anything else (javascript:, data:,
 * relative, unparsable). Records only hold http(s), but an imported model may not.
 */
export function safeHttpUrl(value: string | null): string | null {
	if (value === null || value === '') return null
	let url: URL
	try {
		url = new URL(value)
	} catch {
		return null
	}
	return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}
