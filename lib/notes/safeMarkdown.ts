// A small, safe subset of Markdown for workshop notes: headings, paragraphs, lists, quotes, rules,
// fenced code (Mermaid included, shown as its source), emphasis, inline code and links. Parsed to
// plain data that the panel and the HTML report render with their own escaping: raw HTML is never
// markup here, only text, and a link is kept only when it is http(s) or mailto.

export type MdInline =
	| { kind: 'text'; text: string }
	| { kind: 'strong'; children: MdInline[] }
	| { kind: 'em'; children: MdInline[] }
	| { kind: 'code'; text: string }
	| { kind: 'link'; href: string; children: MdInline[] }

export type MdBlock =
	| { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: MdInline[] }
	| { kind: 'paragraph'; content: MdInline[] }
	| { kind: 'list'; ordered: boolean; items: MdInline[][] }
	| { kind: 'quote'; content: MdInline[] }
	| { kind: 'code'; language: string; text: string }
	| { kind: 'rule' }

/** An http(s) or mailto link, normalised by the URL parser; null for anything else. */
export function safeNoteHref(value: string): string | null {
	let url: URL
	try {
		url = new URL(value.trim())
	} catch {
		return null
	}
	return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const BULLET = /^ {0,3}[-*+]\s+(.*)$/
const NUMBERED = /^ {0,3}\d{1,9}[.)]\s+(.*)$/
const QUOTE = /^ {0,3}>\s?(.*)$/
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/

/** Splits a note into blocks; anything it does not recognise is a paragraph of literal text. */
export function parseSafeMarkdown(source: string): MdBlock[] {
	const lines = source.replace(/\r\n?/g, '\n').split('\n')
	const blocks: MdBlock[] = []
	let index = 0
	while (index < lines.length) {
		const line = lines[index] ?? ''
		const fence = FENCE.exec(line)
		if (fence) {
			const marker = fence[1] ?? '```'
			const body: string[] = []
			index += 1
			while (index < lines.length && !(lines[index] ?? '').trim().startsWith(marker)) {
				body.push(lines[index] ?? '')
				index += 1
			}
			index += 1
			blocks.push({ kind: 'code', language: (fence[2] ?? '').toLowerCase(), text: body.join('\n') })
			continue
		}
		if (line.trim() === '') {
			index += 1
			continue
		}
		if (RULE.test(line)) {
			blocks.push({ kind: 'rule' })
			index += 1
			continue
		}
		const heading = HEADING.exec(line)
		if (heading) {
			const level = Math.min(6, (heading[1] ?? '#').length) as 1 | 2 | 3 | 4 | 5 | 6
			blocks.push({ kind: 'heading', level, content: parseInline(heading[2] ?? '') })
			index += 1
			continue
		}
		const listPattern = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null
		if (listPattern) {
			const items: MdInline[][] = []
			while (index < lines.length) {
				const item = listPattern.exec(lines[index] ?? '')
				if (!item) break
				items.push(parseInline(item[1] ?? ''))
				index += 1
			}
			blocks.push({ kind: 'list', ordered: listPattern === NUMBERED, items })
			continue
		}
		if (QUOTE.test(line)) {
			const quoted: string[] = []
			while (index < lines.length) {
				const match = QUOTE.exec(lines[index] ?? '')
				if (!match) break
				quoted.push(match[1] ?? '')
				index += 1
			}
			blocks.push({ kind: 'quote', content: parseInline(quoted.join('\n')) })
			continue
		}
		const paragraph: string[] = []
		while (index < lines.length) {
			const next = lines[index] ?? ''
			if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || BULLET.test(next) || NUMBERED.test(next) || QUOTE.test(next) || RULE.test(next)) break
			paragraph.push(next)
			index += 1
		}
		blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join('\n')) })
	}
	return blocks
}

const BACKSLASH_ESCAPABLE = /[\\`*_[\]()#+\-.!>~|<&]/

function pushText(out: MdInline[], text: string): void {
	if (text === '') return
	const last = out[out.length - 1]
	if (last?.kind === 'text') last.text += text
	else out.push({ kind: 'text', text })
}

/** Inline spans; an opener without its closer is literal text. */
function parseInline(source: string): MdInline[] {
	const out: MdInline[] = []
	let index = 0
	while (index < source.length) {
		const char = source[index] ?? ''
		const rest = source.slice(index)
		if (char === '\\' && BACKSLASH_ESCAPABLE.test(source[index + 1] ?? '')) {
			pushText(out, source[index + 1] ?? '')
			index += 2
			continue
		}
		if (char === '`') {
			const ticks = /^`+/.exec(rest)?.[0] ?? '`'
			const end = source.indexOf(ticks, index + ticks.length)
			if (end !== -1) {
				out.push({ kind: 'code', text: source.slice(index + ticks.length, end).trim() })
				index = end + ticks.length
				continue
			}
			pushText(out, ticks)
			index += ticks.length
			continue
		}
		const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest)
		if (strong) {
			out.push({ kind: 'strong', children: parseInline(strong[2] ?? '') })
			index += strong[0].length
			continue
		}
		const em = /^([*_])(?=\S)([\s\S]*?\S)\1/.exec(rest)
		if (em) {
			out.push({ kind: 'em', children: parseInline(em[2] ?? '') })
			index += em[0].length
			continue
		}
		const link = /^\[([^\]\n]*)\]\(([^()\s]*)\)/.exec(rest)
		if (link) {
			const href = safeNoteHref(link[2] ?? '')
			const children = parseInline(link[1] ?? '')
			if (href === null) out.push(...children)
			else out.push({ kind: 'link', href, children })
			index += link[0].length
			continue
		}
		const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(rest)
		if (auto) {
			const href = safeNoteHref(auto[1] ?? '')
			out.push(href === null ? { kind: 'text', text: auto[0] } : { kind: 'link', href, children: [{ kind: 'text', text: auto[1] ?? '' }] })
			index += auto[0].length
			continue
		}
		pushText(out, char)
		index += 1
	}
	return out
}
