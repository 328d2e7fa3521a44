import { describe, expect, it } from 'vitest'
import { noteMarkdownForReport } from './noteMarkdownForReport'
import { parseSafeMarkdown, safeNoteHref } from './safeMarkdown'
import { safeMarkdownHtml } from './safeMarkdownHtml'

const MERMAID = '```mermaid\ngraph TD\n  A[<img src=x onerror=alert(1)>] --> B\n```'

describe('safe Markdown notes', () => {
	it('parses the subset into blocks', () => {
		const blocks = parseSafeMarkdown(`# Title\n\nSome **bold** and *em* \`code\`.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n---\n\n${MERMAID}`)
		expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'rule', 'code'])
		expect(blocks.at(-1)).toEqual({ kind: 'code', language: 'mermaid', text: 'graph TD\n  A[<img src=x onerror=alert(1)>] --> B' })
	})

	it('keeps links only for http(s) and mailto', () => {
		expect(safeNoteHref('javascript:alert(1)')).toBeNull()
		expect(safeNoteHref('data:text/html,x')).toBeNull()
		expect(safeNoteHref('mailto:sec@example.com')).toBe('mailto:sec@example.com')
		const html = safeMarkdownHtml('[bad](javascript:alert%281%29) [good](https://example.com/a) <https://example.org>')
		expect(html).not.toContain('javascript:')
		expect(html).toContain('<p>bad ')
		expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">good</a>')
		expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">https://example.org</a>')
	})

	it('never lets raw HTML through the HTML rendering', () => {
		const html = safeMarkdownHtml(`<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n${MERMAID}\n\n**<b>x</b>**`)
		expect(html).not.toMatch(/<script|<img|<b>/)
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(html).toContain('<pre class="note-code" data-language="mermaid"><code>graph TD')
	})

	it('carries a note verbatim into the Markdown report, fences kept, tags outside code neutralised', () => {
		const note = `Intro <b>bold</b> and \`List<T>\`\n\n${MERMAID}`
		expect(noteMarkdownForReport(note)).toBe(`Intro &lt;b>bold&lt;/b> and \`List<T>\`\n\n${MERMAID}`)
		expect(noteMarkdownForReport('```mermaid\ngraph TD')).toBe('```mermaid\ngraph TD\n```')
	})

	it('turns links to anything but http(s) and mailto into text in the Markdown report', () => {
		expect(noteMarkdownForReport('[a](javascript:alert(1)) [b](https://x.example) [c](mailto:s@x.example)')).toBe(
			'[a]\\(javascript:alert(1)) [b](https://x.example) [c](mailto:s@x.example)',
		)
		expect(noteMarkdownForReport('[e](java&#115;cript:alert(1)) [r](./docs/a.md) [h](#top)')).toBe('[e]\\(java&#115;cript:alert(1)) [r](./docs/a.md) [h](#top)')
		expect(noteMarkdownForReport('[ref]: data:text/html,x\n[ok]: https://x.example')).toBe('\\[ref]: data:text/html,x\n[ok]: https://x.example')
	})
})
