const FENCE = /^ {0,3}(`{3,}|~{3,})/
const CODE_SPAN = /(`+)[\s\S]*?\1/g

function withoutTags(text: string): string {
	return text.replace(/</g, '&lt;')
}

/** One line outside a fence: code spans as written, `<` elsewhere as an entity. */
function lineWithoutTags(line: string): string {
	let out = ''
	let last = 0
	for (const match of line.matchAll(CODE_SPAN)) {
		out += withoutTags(line.slice(last, match.index)) + match[0]
		last = match.index + match[0].length
	}
	return out + withoutTags(line.slice(last))
}

/**
 * A note for the Markdown report: verbatim, Mermaid and other fences kept, except that a `<`
 * outside code becomes `&lt;`, so no renderer of the report ever meets raw HTML from a note.
 * An unclosed fence is closed, so the report's next heading is not swallowed into it.
 */
export function noteMarkdownForReport(source: string): string {
	const lines = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
	let fence: string | null = null
	const out = lines.map((line) => {
		const marker = FENCE.exec(line)?.[1]
		if (fence !== null) {
			if (line.trim().startsWith(fence)) fence = null
			return line
		}
		if (marker) {
			fence = marker
			return line
		}
		return lineWithoutTags(line)
	})
	if (fence !== null) out.push(fence)
	return out.join('\n')
}
