// tldraw's renderPlaintextFromRichText needs an Editor and TipTap (React); the room and the reports
// only need the words, so this walks the TipTap JSON document directly.

/** Rich text arrives from clients and is only checked to be `{type, content: unknown[]}`: bound the walk. */
const MAX_DEPTH = 64

/**
 * The plain text of a TipTap JSON document: text blocks (paragraphs, headings) joined by '\n' and
 * hard breaks as '\n', as ProseMirror's `textBetween` does; surrounding whitespace is trimmed.
 */
export function richTextToPlainText(richText: unknown): string {
	const out = { text: '', first: true }
	walk(richText, 0, out)
	return out.text.trim()
}

function walk(node: unknown, depth: number, out: { text: string; first: boolean }): void {
	if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return
	if ('text' in node) {
		if (typeof node.text === 'string') out.text += node.text
		return
	}
	if (isHardBreak(node)) {
		out.text += '\n'
		return
	}
	const children: unknown[] = 'content' in node && Array.isArray(node.content) ? node.content : []
	// A text block is a block holding only inline content; each one after the first starts a line.
	if (!children.some(isBlock)) {
		if (out.first) out.first = false
		else out.text += '\n'
	}
	for (const child of children) walk(child, depth + 1, out)
}

function isHardBreak(node: object): boolean {
	return 'type' in node && node.type === 'hardBreak'
}

function isBlock(node: unknown): boolean {
	return typeof node === 'object' && node !== null && !('text' in node) && !isHardBreak(node)
}
