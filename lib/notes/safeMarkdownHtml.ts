import { escapeHtml, escapeHtmlLines } from '../escape'
import { type MdBlock, type MdInline, parseSafeMarkdown } from './safeMarkdown'

function inlineHtml(parts: readonly MdInline[]): string {
	return (
		parts
			// biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind of MdInline, as tsc checks
			.map((part) => {
				switch (part.kind) {
					case 'text':
						return escapeHtmlLines(part.text)
					case 'code':
						return `<code>${escapeHtml(part.text)}</code>`
					case 'strong':
						return `<strong>${inlineHtml(part.children)}</strong>`
					case 'em':
						return `<em>${inlineHtml(part.children)}</em>`
					case 'link':
						return `<a href="${escapeHtml(part.href)}" rel="noopener noreferrer">${inlineHtml(part.children)}</a>`
				}
			})
			.join('')
	)
}

function blockHtml(block: MdBlock): string {
	switch (block.kind) {
		case 'heading':
			// Under the report's own h2/h3: a note's headings start at h4.
			return `<h${Math.min(6, block.level + 3)}>${inlineHtml(block.content)}</h${Math.min(6, block.level + 3)}>`
		case 'paragraph':
			return `<p>${inlineHtml(block.content)}</p>`
		case 'quote':
			return `<blockquote><p>${inlineHtml(block.content)}</p></blockquote>`
		case 'list': {
			const tag = block.ordered ? 'ol' : 'ul'
			return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`
		}
		case 'code': {
			const language = block.language ? ` data-language="${escapeHtml(block.language)}"` : ''
			return `<pre class="note-code"${language}><code>${escapeHtml(block.text)}</code></pre>`
		}
		case 'rule':
			return '<hr>'
	}
}

/** A note as HTML: every character of it escaped, only the subset's own tags, only safe links. */
export function safeMarkdownHtml(source: string): string {
	return `<div class="note">${parseSafeMarkdown(source).map(blockHtml).join('\n')}</div>`
}
