import type { RiskBandName } from '@/lib/risk/riskScore'

// A report as neutral blocks. The section builders state WHAT the report says; the Markdown and
// HTML renderers decide how, and each escapes every string it is given, so no builder ever
// concatenates user text into markup.

/** Text is always literal; emphasis and links are structure, never markup inside a string. */
export type Inline = string | { strong: string } | { em: string } | { link: string | null; text?: string }

export interface TableCell {
	content: Inline[]
	/** Colours the cell by risk band in HTML; Markdown shows the band's name in the text instead. */
	band?: RiskBandName
}

export type Cell = string | TableCell

export type ReportImage = { kind: 'diagram'; pageId: string; name: string } | { kind: 'heatMap' }

export type Block =
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; content: Inline[] }
	/** A callout the reader must not miss (the distributable edition's disclaimer). */
	| { kind: 'notice'; content: Inline[] }
	| { kind: 'list'; items: Inline[][] }
	/** `numeric`: right-aligned column indexes; `compact`: as wide as its content, not the page. */
	| { kind: 'table'; head: string[]; rows: Cell[][]; numeric?: number[]; compact?: boolean }
	| { kind: 'figure'; svg: string; alt: string; image: ReportImage }
	/** An attack tree: a Mermaid `graph TD` in Markdown, a nested outline in HTML (no script). */
	| { kind: 'attackTree'; outline: OutlineItem; mermaid: string; alt: string }
	/** A workshop note's Markdown: verbatim in Markdown, through the safe subset in HTML (lib/notes). */
	| { kind: 'note'; markdown: string }

export interface OutlineItem {
	content: Inline[]
	children: OutlineItem[]
}

export interface Section {
	/** Stable anchor, also the HTML section id. */
	id: string
	title: string
	blocks: Block[]
}

export interface ReportDocument {
	title: string
	sections: Section[]
}

export function cell(content: Inline | Inline[], band?: RiskBandName): TableCell {
	return { content: Array.isArray(content) ? content : [content], band }
}
