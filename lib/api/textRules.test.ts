import { describe, expect, it } from 'vitest'
import { isSafeLine, isSafeText, unsafeTextIssues } from './textRules'

describe('text rules', () => {
	it('accepts any script, emoji and punctuation', () => {
		for (const text of ['Payments', 'Zoë 山田', 'مدفوعات', 'שלום', '👩‍💻 checkout', '<img src=x>', '=SUM(A1)', '']) {
			expect(isSafeLine(text), text).toBe(true)
			expect(isSafeText(text), text).toBe(true)
		}
	})

	it('refuses control characters, bidirectional overrides and isolates, and unpaired surrogates', () => {
		for (const text of ['a\u0000b', '\u001b[31m', 'a\u007fb', 'a\u0085b', 'abc\u202Egpj.exe', 'a\u202Ab', 'a\u2066b\u2069', 'x\uD800', '\uDC00x']) {
			expect(isSafeLine(text), JSON.stringify(text)).toBe(false)
			expect(isSafeText(text), JSON.stringify(text)).toBe(false)
		}
	})

	it('lets multi-line text keep its line breaks and tabs, but not a one-line name', () => {
		for (const text of ['two\nlines', 'a\r\nb', 'col\tumn']) {
			expect(isSafeText(text)).toBe(true)
			expect(isSafeLine(text)).toBe(false)
		}
	})

	it('finds every unsafe string of a document, keys included, with its path', () => {
		const issues = unsafeTextIssues({ summary: { title: 'ok\u202E', owner: 'fine' }, list: ['x', 'y\u0000'], 'bad\u0000key': 1 })
		expect(issues.map((issue) => issue.path).sort()).toEqual(['bad\u0000key', 'list.1', 'summary.title'])
	})
})
