import { describe, expect, it } from 'vitest'
import { toMarkdown } from './markdownReport'
import { HOSTILE_TITLE, webShopModel } from '@/fixtures/sessionModel'
import { filterForView } from './views'

const referenced = (model = webShopModel()) =>
	toMarkdown(model, { imageUrl: (image) => (image.kind === 'diagram' ? `images/${image.pageId.replace(':', '-')}.svg` : 'images/heat-map.svg') })

/** Unescaped pipes: what GitHub splits table cells on. */
function cellCount(line: string): number {
	return line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2
}

describe('toMarkdown', () => {
	it('has every section of the report, in reading order', () => {
		const headings = referenced()
			.split('\n')
			.filter((line) => line.startsWith('## '))
		expect(headings).toEqual([
			'## Session',
			'## Executive summary',
			'## System overview',
			'## Assets',
			'## Threat inventory',
			'## Metadata',
			'## Mitigation plan',
			'## Test plan',
			'## Accepted, deferred and transferred risks',
			'## Assumptions',
			'## Coverage',
			'## Heat map',
			'## Appendix: machine-readable model',
		])
	})

	it('shows the hostile title as literal text', () => {
		const markdown = referenced()
		expect(markdown).toContain('**&lt;img src=x onerror=alert(1)&gt;**')
		expect(markdown).not.toContain(HOSTILE_TITLE)
		expect(markdown).not.toMatch(/<img|<script/)
	})

	it('keeps every table row at its header’s width whatever the text holds', () => {
		const lines = referenced().split('\n')
		let width: number | null = null
		for (const line of lines) {
			if (!line.startsWith('|')) {
				width = null
				continue
			}
			width ??= cellCount(line)
			expect(cellCount(line), line).toBe(width)
		}
	})

	it('never lets user text start a line', () => {
		for (const line of referenced().split('\n')) expect(line).toMatch(/^(|#{1,3} .*|\| .*|- \*\*.*|> \*\*Note:\*\*.*|!\[.*|\*.*|[A-Z0-9].*)$/)
	})

	it('lists the top three risks by score', () => {
		const summary = referenced().split('### Top 3 risks')[1]?.split('###')[0] ?? ''
		expect(summary.match(/^\| T-\d+/gm)).toEqual(['| T-002', '| T-006', '| T-004'])
	})

	it('lists every participant with their role, observers labelled as observers', () => {
		expect(referenced()).toContain('Fay (facilitator), Pat (product owner), Dana (participant), Omar (observer)')
	})

	it('counts residual risk per band by the decision in force, so only undecided threats are open work', () => {
		const markdown = referenced()
		expect(markdown).toContain('| Band | Priority (open) | Open | Mitigation planned | Deferred | Accepted | Transferred |')
		// T-002 is critical but its mitigation is planned: nothing critical is left to act on now.
		expect(markdown).toContain('| Critical | P0 Act now | 0 | 1 | 0 | 0 | 0 |')
		expect(markdown).toContain('| High | P1 Next sprint | 1 | 0 | 1 | 1 | 0 |')
		expect(markdown).toContain('| Medium | P2 Plan | 0 | 1 | 0 | 0 | 1 |')
	})

	it('states each unmitigated threat’s residual risk as its decision has it', () => {
		const markdown = referenced()
		expect(markdown).toContain('| T-002 | Price tampering in the checkout request | 16 | Critical | Mitigation planned, due 2025-04-15 |')
		expect(markdown).toContain('| T-006 | Order DB exhausted by checkout bots | 12 | High | Deferred until 2025-06-30 |')
		expect(markdown).toContain('| T-004 | Password hashes leak via the backup bucket | 10 | High | Accepted, review on 2025-09-01 |')
		expect(markdown).toContain('| T-005 | Payment provider disputes refunds | 6 | Medium | Transferred to PSP contract §7 (liability) |')
		expect(markdown).toMatch(/\| T-003 \| .* \| 9 \| High \| Open — P1, next sprint \|/)
	})

	it('shows the heat map as a table and as an image', () => {
		const markdown = referenced()
		expect(markdown).toContain('| **L4** | 0 | 0 | 0 | 1 | 0 |')
		expect(markdown).toContain('![Risk heat map: likelihood × impact](images/heat-map.svg)')
	})

	it('embeds the images as data: URIs by default, so the file stands alone', () => {
		const markdown = toMarkdown(webShopModel())
		const uris = markdown.match(/\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/g) ?? []
		expect(uris).toHaveLength(4)
		const svg = Buffer.from(uris[0]?.slice('](data:image/svg+xml;base64,'.length, -1) ?? '', 'base64').toString('utf8')
		expect(svg).toContain('<title id="dfd-page-checkout-title">Data flow diagram: Checkout</title>')
	})

	it('ignores an image URL with a scheme other than http(s) and embeds instead', () => {
		const markdown = toMarkdown(webShopModel(), { imageUrl: () => 'javascript:alert(1)' })
		const images = markdown.split('\n').filter((line) => line.startsWith('!['))
		expect(images).toHaveLength(4)
		for (const image of images) expect(image).toMatch(/\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)$/)
	})

	it('links the JSON export from the appendix when given its URL', () => {
		expect(toMarkdown(webShopModel(), { jsonExportUrl: 'https://threatroom.example.com/x.json' })).toContain(
			'Download: <https://threatroom.example.com/x.json>',
		)
	})

	it('says which edition it is', () => {
		expect(referenced(filterForView(webShopModel(), 'distributable'))).toMatch(
			/^# Threat model: Web shop checkout \(distributable edition\)\n\n## Session\n\n> \*\*Note:\*\* Distributable edition/,
		)
	})

	it('matches the golden file', async () => {
		await expect(referenced()).toMatchFileSnapshot('./__golden__/web-shop-report.md')
	})
})
