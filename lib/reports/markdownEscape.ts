import { safeHttpUrl, stripControlCharacters } from '../escape'

/**
 * Inline Markdown punctuation, escaped with a backslash (CommonMark lets any ASCII punctuation be
 * escaped): emphasis, code, links and images, table pipes, strikethrough and GitHub's `$` math.
 * `<`, `>` and `&` become entities instead, because some renderers still read `\<` as a tag.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$&<>]|\r\n|\r|\n/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

function escapedMarkdown(char: string): string {
	const entity = ENTITIES[char]
	if (entity) return entity
	return char === '\n' || char === '\r' || char === '\r\n' ? '<br>' : `\\${char}`
}

/**
 * User text as literal inline Markdown, safe in a paragraph, a heading, a list item or a table
 * cell. Line breaks become `<br>` so the text stays on one line: then nothing it contains can
 * start a block (a heading, a list, a fence), and our builders never start a line with user text.
 * One pass over the text: a report escapes every title and description of thousands of threats.
 */
export function mdText(text: string): string {
	return stripControlCharacters(text).replace(MARKDOWN_SPECIAL, escapedMarkdown)
}

/** mdText, or an em dash for an empty value, so a table cell never collapses. */
export function mdCell(text: string | null | undefined): string {
	return text ? mdText(text) : '—'
}

/**
 * An http(s) link as an autolink, or the escaped text when it is not one. Inside `<…>` backslash
 * escapes do not apply, so the characters that could still break out (a table pipe, a backtick,
 * a backslash) are percent-encoded; the URL parser has already encoded spaces, quotes, < and >.
 */
export function mdUrl(value: string | null): string {
	const url = safeHttpUrl(value)
	if (url === null) return mdCell(value)
	return `<${url.replace(/[|`\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}>`
}
