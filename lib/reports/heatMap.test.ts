import { describe, expect, it } from 'vitest'
import { heatMap, heatMapCount } from './heatMap'
import { heatMapSvg } from './heatMapSvg'
import { webShopModel } from '@/fixtures/sessionModel'

describe('heatMap', () => {
	it('counts every threat once, in the cell of its effective rating', () => {
		expect(heatMap(webShopModel())).toEqual([
			// impact 1..5, likelihood 1 first
			[0, 1, 0, 0, 1],
			[0, 0, 1, 1, 1],
			[0, 0, 2, 1, 0],
			[0, 0, 0, 1, 0],
			[0, 0, 0, 0, 0],
		])
	})

	it('places a threat by the agreed rating, not the author’s', () => {
		const counts = heatMap(webShopModel())
		// T-002: author 3 × 4, agreed 4 × 4.
		expect(heatMapCount(counts, 4, 4)).toBe(1)
		// T-001: author 2 × 5, agreed likelihood 1.
		expect(heatMapCount(counts, 1, 5)).toBe(1)
	})

	it('adds up to the number of threats', () => {
		expect(
			heatMap(webShopModel())
				.flat()
				.reduce((sum, count) => sum + count, 0),
		).toBe(9)
	})

	it('is all zeros without threats', () => {
		expect(
			heatMap({ threats: [] })
				.flat()
				.every((count) => count === 0),
		).toBe(true)
	})
})

describe('heatMapSvg', () => {
	const svg = heatMapSvg(heatMap(webShopModel()))

	it('is a standalone, labelled image', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
		expect(svg).toContain('role="img"')
		expect(svg).toContain('aria-labelledby="heat-map-title heat-map-desc"')
		expect(svg).toContain('<title id="heat-map-title">Risk heat map: likelihood × impact</title>')
	})

	it('draws 25 cells coloured by band, with both axes labelled', () => {
		expect(svg.match(/<rect x=/g)).toHaveLength(25)
		expect(svg.match(/fill="#991b1b"/g)?.length).toBe(4) // 16, 20, 20, 25
		expect(svg).toContain('Likelihood →')
		expect(svg).toContain('Impact →')
	})

	it('says each count and band in words, not only in colour', () => {
		expect(svg).toContain('<title>Likelihood 4, impact 4 (score 16, Critical): 1 threat</title>')
		expect(svg).toContain('<title>Likelihood 3, impact 3 (score 9, High): 2 threats</title>')
		expect(svg).toContain('L3 × I3: 2 (High)')
	})

	it('describes an empty grid as such', () => {
		expect(heatMapSvg(heatMap({ threats: [] }))).toContain('No threats.')
	})

	it('loads nothing from outside', () => {
		expect(svg).not.toMatch(/href|url\(|@import|<script/i)
	})
})
