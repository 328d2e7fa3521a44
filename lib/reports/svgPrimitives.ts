import { escapeHtml } from '../escape'

// Small helpers shared by the heat map and diagram SVGs. Only system fonts: a report opened
// offline, printed or attached to a ticket must not fetch anything.

export const SVG_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

/** Coordinates to one decimal: small files, and identical output on every platform. */
export function fmt(value: number): string {
	const rounded = Math.round(value * 10) / 10
	return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** A name split on its own line breaks, then wrapped at roughly `width` characters, at most `maxLines`. */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = []
	for (const paragraph of text.split(/\r\n|\r|\n/)) {
		let line = ''
		for (const raw of paragraph.split(/\s+/).filter(Boolean)) {
			// A URL or a hash with no spaces would otherwise run far outside its shape.
			const word = raw.length > width * 2 ? `${raw.slice(0, width * 2 - 1)}…` : raw
			if (line === '') line = word
			else if (line.length + 1 + word.length <= width) line = `${line} ${word}`
			else {
				lines.push(line)
				line = word
			}
		}
		if (line !== '') lines.push(line)
	}
	if (lines.length <= maxLines) return lines
	return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1] ?? ''}…`]
}

export interface TextOptions {
	size?: number
	weight?: 'normal' | 'bold'
	anchor?: 'start' | 'middle' | 'end'
	fill?: string
	italic?: boolean
	/** A white outline behind the glyphs, so labels stay legible where they cross a line. */
	halo?: boolean
}

/** A block of lines (already split), first baseline at y, every line escaped. */
export function svgText(lines: readonly string[], x: number, y: number, options: TextOptions = {}): string {
	const size = options.size ?? 12
	const attributes = [
		`x="${fmt(x)}"`,
		`y="${fmt(y)}"`,
		`font-size="${size}"`,
		`text-anchor="${options.anchor ?? 'middle'}"`,
		`fill="${options.fill ?? '#0f172a'}"`,
		options.weight === 'bold' ? 'font-weight="bold"' : '',
		options.italic ? 'font-style="italic"' : '',
		options.halo ? 'stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' : '',
	].filter(Boolean)
	const spans = lines.map((line, index) => `<tspan x="${fmt(x)}" dy="${index === 0 ? 0 : fmt(size * 1.2)}">${escapeHtml(line)}</tspan>`).join('')
	return `<text ${attributes.join(' ')}>${spans}</text>`
}

/** Ids inside an SVG that may be inlined next to others in one HTML page must not collide. */
export function svgIdPrefix(seed: string): string {
	return seed.replace(/[^A-Za-z0-9_-]/g, '-')
}
