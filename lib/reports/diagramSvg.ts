import { DFD_KIND_LABEL } from '@/lib/dfd/elementKinds'
import { boundaryHeading } from '@/lib/dfd/labels'
import { escapeHtml } from '../escape'
import { centreOf, extentOf, flowPath } from './diagramGeometry'
import { type PlacedLabel, placeInBox, placeOnLine, type TextBlock } from './diagramLabels'
import { type Outline, outlineOf } from './diagramOutline'
import type { Diagram, ModelElement, Point } from './sessionModel'
import { fmt, SVG_FONT_FAMILY, svgIdPrefix, svgText, wrapLines } from './svgPrimitives'

const PADDING = 40
const INK = '#334155'
const OUT_OF_SCOPE = '#94a3b8'
const BOUNDARY = '#b91c1c'

function strokeOf(element: ModelElement): string {
	return element.outOfScope ? `stroke="${OUT_OF_SCOPE}" stroke-dasharray="4 3" stroke-width="1.5"` : `stroke="${INK}" stroke-width="1.5"`
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
	const stroke = strokeOf(element)
	// The ellipse filling the box, as the canvas draws it (a circle: the canvas keeps it square).
	const ellipse = (inset: number) =>
		`<ellipse cx="${fmt(centre.x)}" cy="${fmt(centre.y)}" rx="${fmt(Math.max(w / 2 - inset, 1))}" ry="${fmt(Math.max(h / 2 - inset, 1))}"`
	switch (element.kind) {
		case 'entity':
			return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="#ffffff" ${stroke}/>${nodeLabel(element, centre, w)}`
		case 'process':
			return `${ellipse(0)} fill="#ffffff" ${stroke}/>${nodeLabel(element, centre, Math.min(w, h) * 0.8)}`
		case 'multiprocess':
			return `${ellipse(0)} fill="#ffffff" ${stroke}/>${ellipse(6)} fill="none" ${stroke}/>${nodeLabel(element, centre, Math.min(w, h) * 0.7)}`
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

const BOUNDARY_TEXT = { size: 11, fill: BOUNDARY, halo: true } as const
const FLOW_TEXT = { size: 11, halo: true } as const

/** A boundary's name, clear of the elements' borders where there is room (diagramLabels.ts). */
function boundaryLabel(element: ModelElement, obstacles: readonly Outline[]): PlacedLabel & TextBlock {
	const block = { lines: boundaryTitle(element), size: BOUNDARY_TEXT.size }
	const placed = element.points.length >= 2 ? placeOnLine(element.points, block, obstacles) : placeInBox(element.bounds, block, obstacles)
	return { ...placed, ...block }
}

function flowLabel(element: ModelElement, path: readonly Point[], obstacles: readonly Outline[]): PlacedLabel & TextBlock {
	const lines = wrapLines([element.humanId, element.name].filter(Boolean).join(' '), 28, 2)
	const block = { lines: element.outOfScope ? [...lines, '(out of scope)'] : lines, size: FLOW_TEXT.size }
	return { ...placeOnLine(path, block, obstacles), ...block }
}

/** A flow's label hides the line under it, as on the canvas: a halo alone leaves it running through the words. */
function labelBackground(box: PlacedLabel['box']): string {
	return `<rect x="${fmt(box.x + 1)}" y="${fmt(box.y + 1)}" width="${fmt(box.w - 2)}" height="${fmt(box.h - 2)}" rx="3" fill="#ffffff" fill-opacity="0.9"/>`
}

function flowLine(element: ModelElement, path: readonly Point[], markerId: string): string {
	const d = path.map((point, index) => `${index === 0 ? 'M' : 'L'}${fmt(point.x)},${fmt(point.y)}`).join(' ')
	const markers = `marker-end="url(#${markerId})"${element.properties.isBidirectional === true ? ` marker-start="url(#${markerId})"` : ''}`
	return `<path d="${d}" fill="none" ${strokeOf(element)} ${markers}/>`
}

function descriptionOf(diagram: Diagram): string {
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
 * zone, flow = arrow with its label. Painted bottom to top: boundaries, elements, flows (each cut at
 * the outlines of its ends, so its arrowhead shows), then every label, placed clear of the shapes.
 */
export function diagramSvg(diagram: Diagram): string {
	const id = svgIdPrefix(`dfd-${diagram.pageId}`)
	const markerId = `${id}-arrow`
	const byId = new Map(diagram.elements.map((element) => [element.shapeId, element]))
	const extent = extentOf(diagram.elements) ?? { x: 0, y: 0, w: 240, h: 60 }
	const view = { x: extent.x - PADDING, y: extent.y - PADDING, w: extent.w + 2 * PADDING, h: extent.h + 2 * PADDING }
	const ofKind = (kinds: readonly ModelElement['kind'][]) => diagram.elements.filter((element) => kinds.includes(element.kind))
	const nodes = ofKind(['entity', 'process', 'multiprocess', 'store', 'text'])
	const flows = ofKind(['flow']).map((element) => ({ element, path: flowPath(element, byId) }))
	// Each label placed keeps the next ones off it, as the shapes do.
	const taken: Outline[] = nodes.map(outlineOf)
	const place = (label: PlacedLabel & TextBlock) => {
		taken.push({ kind: 'box', bounds: label.box })
		return label
	}
	const labels = [
		...ofKind(['boundary']).map((element) => ({ label: place(boundaryLabel(element, taken)), options: BOUNDARY_TEXT, backed: false })),
		...flows.map(({ element, path }) => ({ label: place(flowLabel(element, path, taken)), options: FLOW_TEXT, backed: true })),
	]
	const body = [
		...ofKind(['boundary']).map(boundaryOutline),
		...nodes.map(node),
		...flows.map(({ element, path }) => flowLine(element, path, markerId)),
		...labels.map(
			({ label, options, backed }) => (backed ? labelBackground(label.box) : '') + svgText(label.lines, label.x, label.y, { ...options, anchor: label.anchor }),
		),
	]
	if (diagram.elements.length === 0) body.push(svgText(['Empty diagram'], view.x + view.w / 2, view.y + view.h / 2, { fill: '#64748b' }))
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(view.w)}" height="${fmt(view.h)}" ` +
		`viewBox="${fmt(view.x)} ${fmt(view.y)} ${fmt(view.w)} ${fmt(view.h)}" role="img" ` +
		`aria-labelledby="${id}-title ${id}-desc" font-family="${escapeHtml(SVG_FONT_FAMILY)}" font-size="12">` +
		`<title id="${id}-title">Data flow diagram: ${escapeHtml(diagram.name)}</title>` +
		`<desc id="${id}-desc">${escapeHtml(descriptionOf(diagram))}</desc>` +
		`<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
		`<path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker></defs>` +
		`<rect x="${fmt(view.x)}" y="${fmt(view.y)}" width="${fmt(view.w)}" height="${fmt(view.h)}" fill="#ffffff"/>` +
		body.join('') +
		'</svg>'
	)
}
