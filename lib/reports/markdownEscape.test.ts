import { describe, expect, it } from 'vitest'
import { mdCell, mdText, mdUrl } from './markdownEscape'

describe('mdText', () => {
	it.each([
		['|', '\\|'],
		['`', '\\`'],
		['*', '\\*'],
		['_', '\\_'],
		['[', '\\['],
		[']', '\\]'],
		['~', '\\~'],
		['$', '\\$'],
		['\\', '\\\\'],
		['<', '&lt;'],
		['>', '&gt;'],
		['&', '&amp;'],
		['\n', '<br>'],
		['\r\n', '<br>'],
	])('escapes %j', (input, expected) => {
		expect(mdText(`a${input}b`)).toBe(`a${expected}b`)
	})

	it('renders a link, an image and a tag as literal text', () => {
		expect(mdText('[x](javascript:alert(1)) ![i](http://e/x.png) <img src=x onerror=alert(1)>')).toBe(
			'\\[x\\](javascript:alert(1)) !\\[i\\](http://e/x.png) &lt;img src=x onerror=alert(1)&gt;',
		)
	})

	it('keeps multi-line text on one line, so it cannot open a heading, list or code fence', () => {
		expect(mdText('first\n# heading\n```\n- item')).toBe('first<br># heading<br>\\`\\`\\`<br>- item')
	})

	it('shows an empty cell as a dash', () => {
		expect(mdCell('')).toBe('—')
		expect(mdCell(null)).toBe('—')
	})
})

describe('mdUrl', () => {
	it('makes an autolink whose pipes cannot split a table cell', () => {
		expect(mdUrl('https://tracker.example.com/SHOP-1?view=a|b')).toBe('<https://tracker.example.com/SHOP-1?view=a%7Cb>')
	})

	it('shows anything but http(s) as plain escaped text', () => {
		expect(mdUrl('javascript:alert(1)')).toBe('javascript:alert(1)')
		expect(mdUrl('<script>')).toBe('&lt;script&gt;')
	})
})
