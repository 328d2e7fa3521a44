import { describe, expect, it } from 'vitest'
import { svgDataUri } from './dataUri'

const PREFIX = 'data:image/svg+xml;base64,'

describe('svgDataUri', () => {
	it('encodes the SVG as UTF-8 base64, padded, whatever its length', () => {
		for (const svg of ['', 'a', 'ab', 'abc', '<svg>é</svg>', '<svg><text>Zahlungsdienst 💳 ü</text></svg>']) {
			expect(svgDataUri(svg)).toBe(`${PREFIX}${Buffer.from(svg, 'utf8').toString('base64')}`)
		}
	})

	it('round-trips a large diagram', () => {
		const svg = `<svg>${'<rect x="1" y="2" width="80" height="60"/><text>Élément</text>'.repeat(5_000)}</svg>`
		expect(Buffer.from(svgDataUri(svg).slice(PREFIX.length), 'base64').toString('utf8')).toBe(svg)
	})
})
