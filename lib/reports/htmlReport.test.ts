import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../escape'
import { toHtml } from './htmlReport'
import { HOSTILE_TITLE, webShopModel } from '@/fixtures/sessionModel'

describe('toHtml', () => {
	const html = toHtml(webShopModel())

	it('is one standalone document', () => {
		expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true)
		expect(html).toContain('<meta charset="utf-8">')
		expect(html).toContain('<title>Threat model: Web shop checkout</title>')
		expect(html.trimEnd().endsWith('</html>')).toBe(true)
	})

	it('runs no script and loads nothing from outside', () => {
		expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|@import|@font-face|<base/i)
		// Escaped text has no '<', so every tag found here is real markup: none may carry a handler.
		const tags = html.match(/<[^>]*>/g) ?? []
		expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([])
		// In markup, only links the reader clicks (tracking issues) point outside, plus the SVG namespace.
		const urls = tags.flatMap((tag) => tag.match(/https?:\/\/[^\s"'<)]+/g) ?? [])
		expect(new Set(urls)).toEqual(
			new Set(['http://www.w3.org/2000/svg', 'https://tracker.example.com/SHOP-142?view=a|b', 'https://tracker.example.com/SHOP-101']),
		)
	})

	it('forbids scripts and remote loads in its own policy too', () => {
		expect(html).toContain(
			`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
		)
	})

	it('shows the hostile title escaped, and the payload nowhere as markup', () => {
		expect(html).toContain(`<strong>${escapeHtml(HOSTILE_TITLE)}</strong>`)
		for (const index of [...html.matchAll(/onerror=/g)].map((match) => match.index ?? 0)) {
			expect(html.slice(index - 14, index)).toBe('&lt;img src=x ')
		}
		expect(html).toContain('Second line &lt;script&gt;alert(2)&lt;/script&gt;')
	})

	it('makes tracking links real links, with no referrer', () => {
		expect(html).toContain('<a href="https://tracker.example.com/SHOP-142?view=a|b" rel="noopener noreferrer">')
	})

	it('never makes a link of something that is not http(s)', () => {
		const model = webShopModel()
		const threats = model.threats.map((threat) =>
			threat.humanId === 'T-002'
				? { ...threat, issueUrl: 'javascript:alert(1)', decision: threat.decision && { ...threat.decision, issueUrl: 'javascript:alert(1)' } }
				: threat,
		)
		const mitigations = model.mitigations.map((mitigation) => ({ ...mitigation, issueUrl: 'javascript:alert(1)' }))
		const unsafe = toHtml({ ...model, threats, mitigations })
		expect(unsafe).not.toContain('href="javascript:')
		expect(unsafe).toContain('<td>javascript:alert(1)</td>')
	})

	it('prints one section per page, with table headers repeated', () => {
		expect(html).toContain('@media print')
		expect(html).toContain('section{break-before:page}')
		expect(html).toContain('thead{display:table-header-group}')
		expect(html.match(/<section id=/g)).toHaveLength(13)
	})

	it('inlines the diagrams and the heat map as SVG', () => {
		expect(html.match(/<figure><svg xmlns/g)).toHaveLength(4)
	})

	it('colours band cells and keeps the band’s name as text', () => {
		expect(html).toContain('<td class="band-critical">Critical</td>')
	})

	it('matches the golden file', async () => {
		await expect(html).toMatchFileSnapshot('./__golden__/web-shop-report.html')
	})
})
