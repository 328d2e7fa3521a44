// biome-ignore-all lint/suspicious/noArrayIndexKey: a note's blocks and spans have no identity but their place, and the list is rebuilt from the text each render
import type { ReactNode } from 'react'
import { type MdBlock, type MdInline, parseSafeMarkdown } from '@/lib/notes/safeMarkdown'

// A note as React elements from the safe subset (lib/notes/safeMarkdown.ts): React escapes every
// string, so nothing a note says becomes markup. Mermaid blocks are shown as their source.

function inline(parts: readonly MdInline[]): ReactNode[] {
	// biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind of MdInline, as tsc checks
	return parts.map((part, index) => {
		switch (part.kind) {
			case 'text':
				return part.text
			case 'code':
				return <code key={index}>{part.text}</code>
			case 'strong':
				return <strong key={index}>{inline(part.children)}</strong>
			case 'em':
				return <em key={index}>{inline(part.children)}</em>
			case 'link':
				return (
					<a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
						{inline(part.children)}
					</a>
				)
		}
	})
}

function block(value: MdBlock, index: number): ReactNode {
	switch (value.kind) {
		case 'heading':
			return (
				// biome-ignore lint/a11y/useSemanticElements: a note's heading sits below the panel's own headings (aria-level), styled as note text; an <hN> would take the page's heading styles
				<p key={index} className={`tr-md__heading tr-md__heading--${value.level}`} role="heading" aria-level={Math.min(6, value.level + 2)}>
					{inline(value.content)}
				</p>
			)
		case 'paragraph':
			return <p key={index}>{inline(value.content)}</p>
		case 'quote':
			return <blockquote key={index}>{inline(value.content)}</blockquote>
		case 'list': {
			const items = value.items.map((item, itemIndex) => <li key={itemIndex}>{inline(item)}</li>)
			return value.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>
		}
		case 'code':
			return (
				<pre key={index} className="tr-md__code" data-language={value.language || undefined} data-testid="panel.note.code">
					{value.language === 'mermaid' && <span className="tr-md__code-label">Mermaid diagram (source)</span>}
					<code>{value.text}</code>
				</pre>
			)
		case 'rule':
			return <hr key={index} />
	}
}

export function MarkdownView({ source, testId }: { source: string; testId: string }) {
	return (
		<div className="tr-md" data-testid={testId}>
			{parseSafeMarkdown(source).map(block)}
		</div>
	)
}
