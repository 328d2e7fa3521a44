import { RISK_LEVELS, riskBandFor } from '@/lib/risk/riskScore'
import { BAND_COLORS } from './bandColors'
import { escapeHtml } from '../escape'
import { type HeatMapCounts, heatMapCount } from './heatMap'
import { SVG_FONT_FAMILY, svgIdPrefix, svgText } from './svgPrimitives'

const CELL_W = 72
const CELL_H = 52
const LEFT = 76
const TOP = 16
const BOTTOM = 56
const GRID_W = CELL_W * RISK_LEVELS.length
const GRID_H = CELL_H * RISK_LEVELS.length

function plural(count: number): string {
	return `${count} ${count === 1 ? 'threat' : 'threats'}`
}

/**
 * The 5 × 5 grid as a standalone, accessible SVG: likelihood up the side (5 at the top), impact
 * along the bottom, each cell coloured by its band and showing its count and score. The band is
 * spelled out in each cell's title and in the description, so colour is never the only signal.
 */
export function heatMapSvg(counts: HeatMapCounts, options: { idPrefix?: string } = {}): string {
	const id = svgIdPrefix(options.idPrefix ?? 'heat-map')
	const cells: string[] = []
	const described: string[] = []
	for (const likelihood of RISK_LEVELS) {
		for (const impact of RISK_LEVELS) {
			const band = riskBandFor(likelihood, impact)
			const colors = BAND_COLORS[band.name]
			const count = heatMapCount(counts, likelihood, impact)
			const x = LEFT + (impact - 1) * CELL_W
			const y = TOP + (RISK_LEVELS.length - likelihood) * CELL_H
			const label = `Likelihood ${likelihood}, impact ${impact} (score ${likelihood * impact}, ${band.name}): ${plural(count)}`
			if (count > 0) described.push(`L${likelihood} × I${impact}: ${count} (${band.name})`)
			cells.push(
				`<g><title>${escapeHtml(label)}</title>` +
					`<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${colors.fill}" stroke="#ffffff" stroke-width="2"/>` +
					svgText([String(likelihood * impact)], x + CELL_W - 6, y + 14, { size: 10, anchor: 'end', fill: colors.text }) +
					(count > 0 ? svgText([String(count)], x + CELL_W / 2, y + CELL_H / 2 + 8, { size: 22, weight: 'bold', fill: colors.text }) : '') +
					'</g>',
			)
		}
	}
	const axes = [
		...RISK_LEVELS.map((level) => svgText([String(level)], LEFT - 10, TOP + (RISK_LEVELS.length - level) * CELL_H + CELL_H / 2 + 5, { anchor: 'end' })),
		...RISK_LEVELS.map((level) => svgText([String(level)], LEFT + (level - 1) * CELL_W + CELL_W / 2, TOP + GRID_H + 18)),
		svgText(['Impact →'], LEFT + GRID_W / 2, TOP + GRID_H + 42, { weight: 'bold' }),
		`<g transform="translate(22 ${TOP + GRID_H / 2}) rotate(-90)">${svgText(['Likelihood →'], 0, 0, { weight: 'bold' })}</g>`,
	]
	const width = LEFT + GRID_W + 8
	const height = TOP + GRID_H + BOTTOM
	const summary = described.length === 0 ? 'No threats.' : `${described.join('; ')}.`
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
		`role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeHtml(SVG_FONT_FAMILY)}">` +
		`<title id="${id}-title">Risk heat map: likelihood × impact</title>` +
		`<desc id="${id}-desc">Threats counted by likelihood (rows, 5 at the top) and impact (columns, 5 at the right). ${escapeHtml(summary)}</desc>` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		cells.join('') +
		axes.join('') +
		'</svg>'
	)
}
