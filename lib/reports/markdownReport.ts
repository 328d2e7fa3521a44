import { noteMarkdownForReport } from '@/lib/notes/noteMarkdownForReport'
import { buildReport, type ReportOptions } from './buildReport'
import { svgDataUri } from './dataUri'
import { safeHttpUrl } from '../escape'
import { mdText, mdUrl } from './markdownEscape'
import type { Block, Cell, Inline, ReportImage } from './reportDocument'
import type { SessionModel } from './sessionModel'

export interface MarkdownOptions extends ReportOptions {
	/**
	 * By default each diagram and the heat map are embedded as base64 `data:` URIs, so the .md file
	 * is self-contained (VS Code, Obsidian, pandoc → PDF show them). GitHub and GitLab strip `data:`
	 * images, so for a report committed to a repository pass a function returning an http(s) or
	 * relative URL for each image instead.
	 */
	imageUrl?: (image: ReportImage) => string
}

function inline(part: Inline): string {
	if (typeof part === 'string') return mdText(part)
	if ('strong' in part) return part.strong ? `**${mdText(part.strong)}**` : ''
	if ('em' in part) return part.em ? `*${mdText(part.em)}*` : ''
	const url = safeHttpUrl(part.link)
	if (url !== null && part.text) return `[${mdText(part.text)}](${mdUrl(url)})`
	return mdUrl(part.link)
}

function inlines(parts: readonly Inline[]): string {
	return parts.map(inline).join('')
}

function tableCell(value: Cell): string {
	const text = typeof value === 'string' ? mdText(value) : inlines(value.content)
	return text === '' ? '—' : text
}

/** Only http(s) or a plain relative path; percent-encode what would end `(<…>)` early. */
function imageTarget(url: string): string | null {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) && safeHttpUrl(url) === null) return null
	return url.replace(/[\s<>()\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

function block(value: Block, options: MarkdownOptions): string {
	switch (value.kind) {
		case 'heading':
			return `### ${mdText(value.text)}`
		case 'paragraph':
			return inlines(value.content)
		case 'notice':
			return `> **Note:** ${inlines(value.content)}`
		case 'list':
			return value.items.map((item) => `- ${inlines(item)}`).join('\n')
		case 'table': {
			const numeric = new Set(value.numeric ?? [])
			const head = `| ${value.head.map((title) => mdText(title)).join(' | ')} |`
			const rule = `| ${value.head.map((_, index) => (numeric.has(index) ? '---:' : '---')).join(' | ')} |`
			const rows = value.rows.map((row) => `| ${row.map(tableCell).join(' | ')} |`)
			return [head, rule, ...rows].join('\n')
		}
		case 'figure': {
			const custom = options.imageUrl ? imageTarget(options.imageUrl(value.image)) : null
			return `![${mdText(value.alt)}](${custom ?? svgDataUri(value.svg)})`
		}
		case 'attackTree':
			return `\`\`\`mermaid\n${value.mermaid}\n\`\`\``
		case 'note':
			return noteMarkdownForReport(value.markdown)
	}
}

/** The session report as GitHub-flavoured Markdown; every user-written string is literal text. */
export function toMarkdown(model: SessionModel, options: MarkdownOptions = {}): string {
	const report = buildReport(model, options)
	const parts = [`# ${mdText(report.title)}`]
	for (const section of report.sections) {
		parts.push(`## ${mdText(section.title)}`)
		for (const value of section.blocks) parts.push(block(value, options))
	}
	return `${parts.join('\n\n')}\n`
}
