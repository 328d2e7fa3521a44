import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeHtmlLines, safeHttpUrl, stripControlCharacters } from './escape'

describe('escapeHtml', () => {
	it('escapes the five characters that can end a text node or an attribute', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
	})

	it('turns the classic payload into inert text', () => {
		expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
	})

	it('drops control characters XML does not allow, keeping tabs and line breaks', () => {
		expect(stripControlCharacters('a\u0000b\u0007c\td\ne\rf\uFFFE')).toBe('abc\td\ne\rf')
	})

	it('keeps line breaks as <br> where asked', () => {
		expect(escapeHtmlLines('one\r\ntwo\n<three>')).toBe('one<br>two<br>&lt;three&gt;')
	})
})

describe('safeHttpUrl', () => {
	it('accepts http and https links, normalised', () => {
		expect(safeHttpUrl('https://tracker.example.com/a b')).toBe('https://tracker.example.com/a%20b')
		expect(safeHttpUrl('http://example.com')).toBe('http://example.com/')
	})

	it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', '/relative', 'not a url', '', null])('refuses %s', (value) => {
		expect(safeHttpUrl(value)).toBeNull()
	})
})
