import { DFD_KIND_LABEL } from '@/lib/dfd/elementKinds'
import { boundaryHeading } from '@/lib/dfd/labels'
import { escapeHtml } from './escape'
import { centreOf, extentOf, flowPath, midpointOf } from './diagramGeometry'
import type { Diagram, ModelElement, Point } from './sessionModel'
import { fmt, SVG_FONT_FAMILY, svgIdPrefix, svgText, wrapLines } from './svgPrimitives'

const PADDING = 40
const INK = '#334155'
const OUT_OF_SCOPE = '#94a3b8'
const BOUNDARY = '#b91c1c'

function strokeOf(element: ModelElement): string {
	return element.outOfScope
		? `stroke="${OUT_OF_SCOPE}" stroke-dasharray="4 3" stroke-width="1.5"`
		: `stroke="${INK}" stroke-width="1.5"`
}

/** "P1" above the name; out-of-scope elements say so in words, not only in grey. */
function nodeLabel(element: ModelElement, centre: Point, width: number): string {
	const name = wrapLines(element.name, Math.max(8, Math.floor(width / 7)), 3)
	const lines = element.outOfScope ? [...name, '(out of scope)'] : name
	const top = centre.y - ((lines.length - 1) * 14.4) / 2 + (element.humanId ? 6 : 4)
	return (
		(element.humanId ? svgText([element.humanId], centre.x, top - 14, { size: 11, weight: 'bold', fill: INK }) : '') +
		svgText(lines, centre.x, top, { fill: element.outOfScope ? '#475569' : '#0f172a' })
	)
}

function node(element: ModelElement): string {
	const { x, y, w, h } = element.bounds
	const centre = centreOf(element.bounds)
	const radius = Math.min(w, h) / 2
	const stroke = strokeOf(element)
	switch (element.kind) {
		case 'entity':
			return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="#ffffff" ${stroke}/>${nodeLabel(element, centre, w)}`
		case 'process':
			return `<circle cx="${fmt(centre.x)}" cy="${fmt(centre.y)}" r="${fmt(radius)}" fill="#ffffff" ${stroke}/>${nodeLabel(element, centre, radius * 1.6)}`
		case 'multiprocess':
			return (
				`<circle cx="${fmt(centre.x)}" cy="${fmt(centre.y)}" r="${fmt(radius)}" fill="#ffffff" ${stroke}/>` +
				`<circle cx="${fmt(centre.x)}" cy="${fmt(centre.y)}" r="${fmt(Math.max(radius - 6, 1))}" fill="none" ${stroke}/>` +
				nodeLabel(element, centre, radius * 1.4)
			)
		case 'store':
			return (
				`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="#ffffff" stroke="none"/>` +
				`<line x1="${fmt(x)}" y1="${fmt(y)}" x2="${fmt(x + w)}" y2="${fmt(y)}" ${stroke}/>` +
				`<line x1="${fmt(x)}" y1="${fmt(y + h)}" x2="${fmt(x + w)}" y2="${fmt(y + h)}" ${stroke}/>` +
				nodeLabel(element, centre, w)
			)
		case 'text':
			return svgText(wrapLines(element.name, Math.max(8, Math.floor(w / 7)), 6), x + 4, y + 14, { anchor: 'start', italic: true, fill: '#475569' })
		case 'flow':
		case 'boundary':
			return ''
	}
}

function boundaryTitle(element: ModelElement): string[] {
	const heading = element.zone === null ? element.humanId : boundaryHeading(element.humanId, element.zone)
	return [heading, ...wrapLines(element.name, 40, 2)].filter(Boolean)
}

function boundaryOutline(element: ModelElement): string {
	const dash = `fill="none" stroke="${BOUNDARY}" stroke-width="1.5" stroke-dasharray="8 5"`
	if (element.points.length >= 2) {
		const points = element.points.map((point) => `${fmt(point.x)},${fmt(point.y)}`).join(' ')
		return `<polyline points="${points}" ${dash}/>`
	}
	const { x, y, w, h } = element.bounds
	return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" rx="8" ${dash}/>`
}

/** Drawn last, over everything: a process placed near a boundary's corner must not hide its zone. */
function boundaryLabel(element: ModelElement): string {
	const options = { anchor: 'start', size: 11, fill: BOUNDARY, halo: true } as const
	if (element.points.length >= 2) {
		const mid = midpointOf(element.points)
		return svgText(boundaryTitle(element), mid.x + 6, mid.y, options)
	}
	return svgText(boundaryTitle(element), element.bounds.x + 8, element.bounds.y + 16, options)
}

function flow(element: ModelElement, byId: ReadonlyMap<string, ModelElement>, markerId: string): string {
	const path = flowPath(element, byId)
	const d = path.map((point, index) => `${index === 0 ? 'M' : 'L'}${fmt(point.x)},${fmt(point.y)}`).join(' ')
	const markers = `marker-end="url(#${markerId})"${element.properties.isBidirectional === true ? ` marker-start="url(#${markerId})"` : ''}`
	const mid = midpointOf(path)
	const label = [element.humanId, element.name].filter(Boolean).join(' ')
	const lines = wrapLines(label, 28, 2)
	return (
		`<path d="${d}" fill="none" ${strokeOf(element)} ${markers}/>` +
		svgText(element.outOfScope ? [...lines, '(out of scope)'] : lines, mid.x, mid.y - 4, { size: 11, halo: true })
	)
}

function describe(diagram: Diagram): string {
	const counts = new Map<string, number>()
	for (const element of diagram.elements) {
		if (element.kind === 'text') continue
		counts.set(DFD_KIND_LABEL[element.kind], (counts.get(DFD_KIND_LABEL[element.kind]) ?? 0) + 1)
	}
	const parts = [...counts].map(([label, count]) => `${count} × ${label.toLowerCase()}`)
	return parts.length === 0 ? 'An empty diagram.' : `${parts.join(', ')}.`
}

/**
 * A diagram as a standalone SVG from the element geometry: entity = rectangle, process = circle,
 * multi-process = double circle, store = two lines, boundary = dashed box (or dashed line) with its
 * zone, flow = arrow with its label. Outlines go first so nothing hides behind them, their labels last.
 */
export function diagramSvg(diagram: Diagram): string {
	const id = svgIdPrefix(`dfd-${diagram.pageId}`)
	const markerId = `${id}-arrow`
	const byId = new Map(diagram.elements.map((element) => [element.shapeId, element]))
	const extent = extentOf(diagram.elements) ?? { x: 0, y: 0, w: 240, h: 60 }
	const view = { x: extent.x - PADDING, y: extent.y - PADDING, w: extent.w + 2 * PADDING, h: extent.h + 2 * PADDING }
	const ofKind = (kinds: readonly ModelElement['kind'][]) => diagram.elements.filter((element) => kinds.includes(element.kind))
	const body = [
		...ofKind(['boundary']).map(boundaryOutline),
		...ofKind(['flow']).map((element) => flow(element, byId, markerId)),
		...ofKind(['entity', 'process', 'multiprocess', 'store', 'text']).map(node),
		...ofKind(['boundary']).map(boundaryLabel),
	]
	if (diagram.elements.length === 0) body.push(svgText(['Empty diagram'], view.x + view.w / 2, view.y + view.h / 2, { fill: '#64748b' }))
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(view.w)}" height="${fmt(view.h)}" ` +
		`viewBox="${fmt(view.x)} ${fmt(view.y)} ${fmt(view.w)} ${fmt(view.h)}" role="img" ` +
		`aria-labelledby="${id}-title ${id}-desc" font-family="${escapeHtml(SVG_FONT_FAMILY)}" font-size="12">` +
		`<title id="${id}-title">Data flow diagram: ${escapeHtml(diagram.name)}</title>` +
		`<desc id="${id}-desc">${escapeHtml(describe(diagram))}</desc>` +
		`<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
		`<path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker></defs>` +
		`<rect x="${fmt(view.x)}" y="${fmt(view.y)}" width="${fmt(view.w)}" height="${fmt(view.h)}" fill="#ffffff"/>` +
		body.join('') +
		'</svg>'
	)
}
