import { safeMarkdownHtml } from '@/lib/notes/safeMarkdownHtml'
import { buildReport, type ReportOptions } from './buildReport'
import { escapeHtml, escapeHtmlLines, safeHttpUrl } from '../escape'
import { bandClass, REPORT_CSS } from './htmlStyles'
import type { Block, Cell, Inline, OutlineItem } from './reportDocument'
import type { SessionModel } from './sessionModel'

/**
 * Defence in depth: even if some text escaped escaping, a browser opening the file runs no script
 * and loads nothing from anywhere (inline styles and our own data: images only).
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

function inline(part: Inline): string {
	if (typeof part === 'string') return escapeHtmlLines(part)
	if ('strong' in part) return `<strong>${escapeHtmlLines(part.strong)}</strong>`
	if ('em' in part) return `<em>${escapeHtmlLines(part.em)}</em>`
	const url = safeHttpUrl(part.link)
	if (url === null) return escapeHtml(part.text ?? part.link ?? '—')
	return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(part.text ?? url)}</a>`
}

function inlines(parts: readonly Inline[]): string {
	return parts.map(inline).join('')
}

function tableCell(value: Cell, numeric: boolean): string {
	const classes = [numeric ? 'num' : '', typeof value !== 'string' && value.band ? bandClass(value.band) : ''].filter(Boolean)
	const content = typeof value === 'string' ? escapeHtmlLines(value) : inlines(value.content)
	return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}>${content === '' ? '—' : content}</td>`
}

function table(value: Extract<Block, { kind: 'table' }>): string {
	const numeric = new Set(value.numeric ?? [])
	const head = value.head.some(Boolean)
		? `<thead><tr>${value.head.map((title, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${escapeHtml(title)}</th>`).join('')}</tr></thead>`
		: ''
	const rows = value.rows.map((row) => `<tr>${row.map((entry, index) => tableCell(entry, numeric.has(index))).join('')}</tr>`)
	return `<table${value.compact ? ' class="compact"' : ''}>${head}<tbody>${rows.join('\n')}</tbody></table>`
}

function outline(item: OutlineItem): string {
	const children = item.children.length > 0 ? `<ul>${item.children.map(outline).join('')}</ul>` : ''
	return `<li>${inlines(item.content)}${children}</li>`
}

function block(value: Block): string {
	switch (value.kind) {
		case 'heading':
			return `<h3>${escapeHtml(value.text)}</h3>`
		case 'paragraph':
			return `<p>${inlines(value.content)}</p>`
		case 'notice':
			return `<p class="notice" role="note"><strong>Note:</strong> ${inlines(value.content)}</p>`
		case 'list':
			return `<ul>${value.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</ul>`
		case 'table':
			return table(value)
		case 'figure':
			// Our own SVG, built with every text node escaped: inlined so it prints crisply and needs no data: URI.
			return `<figure>${value.svg}<figcaption>${escapeHtml(value.alt)}</figcaption></figure>`
		case 'attackTree':
			return `<ul class="attack-tree" aria-label="${escapeHtml(value.alt)}">${outline(value.outline)}</ul>`
		case 'note':
			return safeMarkdownHtml(value.markdown)
	}
}

/** The session report as one printable HTML file: inline CSS, inline SVG, no scripts, nothing external. */
export function toHtml(model: SessionModel, options: ReportOptions = {}): string {
	const report = buildReport(model, options)
	const contents = report.sections.map((section) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a></li>`).join('')
	const sections = report.sections.map(
		(section) =>
			`<section id="${escapeHtml(section.id)}" aria-labelledby="${escapeHtml(section.id)}-title">\n` +
			`<h2 id="${escapeHtml(section.id)}-title">${escapeHtml(section.title)}</h2>\n` +
			`${section.blocks.map(block).join('\n')}\n</section>`,
	)
	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
		'<meta name="referrer" content="no-referrer">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(report.title)}</title>`,
		`<style>\n${REPORT_CSS}\n</style>`,
		'</head>',
		'<body>',
		`<header><h1>${escapeHtml(report.title)}</h1></header>`,
		`<nav aria-label="Contents"><ol>${contents}</ol></nav>`,
		'<main>',
		...sections,
		'</main>',
		'</body>',
		'</html>',
		'',
	].join('\n')
}
