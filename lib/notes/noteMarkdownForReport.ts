const FENCE = /^ {0,3}(`{3,}|~{3,})/
const CODE_SPAN = /(`+)[\s\S]*?\1/g

/**
 * A link destination a renderer cannot turn into a script: http(s), mailto, or a relative path
 * (no `:` and no `&` before the first `/`, `?`, `#` or the end — `&` would let an entity spell a
 * scheme, as in `java&#115;cript:`).
 */
function isSafeDestination(destination: string): boolean {
	return /^(https?:\/\/|mailto:)/i.test(destination) || /^[^:&\s)>]*([/?#)>\s]|$)/.test(destination)
}

/** No tag, and no inline link to anything but a safe destination (its `(` escaped, it stays text). */
function withoutTags(text: string): string {
	return text
		.replace(/</g, '&lt;')
		.replace(/\]\((\s*)/g, (match, space: string, offset: number) =>
			isSafeDestination(text.slice(offset + match.length).replace(/^&lt;/, '')) ? match : `]\\(${space}`,
		)
}

/** A link reference definition to an unsafe destination (`[x]: javascript:…`) becomes text. */
function withoutUnsafeDefinition(line: string): string {
	const definition = /^( {0,3})\[[^\]]+\]:\s*/.exec(line)
	if (!definition || isSafeDestination(line.slice(definition[0].length).replace(/^&lt;/, ''))) return line
	const indent = definition[1] ?? ''
	return `${indent}\\${line.slice(indent.length)}`
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
 * outside code becomes `&lt;`, so no renderer of the report ever meets raw HTML from a note, and a
 * link to anything but http(s) or mailto is escaped into plain text.
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
		return withoutUnsafeDefinition(lineWithoutTags(line))
	})
	if (fence !== null) out.push(fence)
	return out.join('\n')
}
