import type { Bounds } from '@/lib/analysis/trustZones'
import { alongPolyline } from './diagramGeometry'
import { type Outline, overlaps } from './diagramOutline'
import type { Point } from './sessionModel'

// Where the report's SVG puts its labels: clear of the shapes (and of each other) when there is
// room, the way the canvas keeps an arrow's label on its visible body. The SVG cannot measure
// text, so a label's box is estimated from its characters, generously.

/** Our system fonts average about 0.6 em per glyph; the margin absorbs wider ones. */
const GLYPH_EM = 0.6
const LINE_HEIGHT_EM = 1.2
/** Clear space kept between a label and a shape, px. */
const GAP_PX = 3
/** How far a flow's label may move sideways off its line, px, in steps. */
const SIDE_STEP_PX = 12
const SIDE_STEPS = 8
/** Where along a flow its label may sit, nearest the middle first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]

export interface TextBlock {
	lines: readonly string[]
	size: number
}

export interface PlacedLabel {
	/** The box the text takes, with its gap. */
	box: Bounds
	/** svgText's x and first baseline, for text anchored at `anchor`. */
	x: number
	y: number
	anchor: 'start' | 'middle'
}

function sizeOf(block: TextBlock): { w: number; h: number } {
	const longest = Math.max(0, ...block.lines.map((line) => line.length))
	return { w: longest * block.size * GLYPH_EM + 2 * GAP_PX, h: block.lines.length * block.size * LINE_HEIGHT_EM + 2 * GAP_PX }
}

/** The label whose box has this top-left corner. */
function atCorner(block: TextBlock, x: number, y: number, anchor: PlacedLabel['anchor']): PlacedLabel {
	const { w, h } = sizeOf(block)
	// The first baseline sits about 0.9 em below the top of its line.
	return { box: { x, y, w, h }, x: anchor === 'start' ? x + GAP_PX : x + w / 2, y: y + GAP_PX + block.size * 0.9, anchor }
}

function centredAt(block: TextBlock, centre: Point): PlacedLabel {
	const { w, h } = sizeOf(block)
	return atCorner(block, centre.x - w / 2, centre.y - h / 2, 'middle')
}

function firstClear(candidates: readonly PlacedLabel[], obstacles: readonly Outline[]): PlacedLabel | undefined {
	return candidates.find((candidate) => !obstacles.some((obstacle) => overlaps(candidate.box, obstacle)))
}

/**
 * A label on a line (a flow, a line boundary): centred on its middle when that is clear, else the
 * nearest clear spot along it or beside it; on the middle when nothing nearby is clear.
 */
export function placeOnLine(path: readonly Point[], block: TextBlock, obstacles: readonly Outline[]): PlacedLabel {
	const middle = alongPolyline(path, 0.5).point
	const centred = centredAt(block, middle)
	// Most labels fit where the canvas puts them: no need to look further.
	if (firstClear([centred], obstacles)) return centred
	const candidates = ALONG.flatMap((fraction) => {
		const { point, direction } = alongPolyline(path, fraction)
		const normal = { x: -direction.y, y: direction.x }
		return [0, ...Array.from({ length: SIDE_STEPS }, (_, step) => (step + 1) * SIDE_STEP_PX).flatMap((d) => [-d, d])].map((offset) =>
			centredAt(block, { x: point.x + normal.x * offset, y: point.y + normal.y * offset }),
		)
	})
	const distance = (label: PlacedLabel) => Math.hypot(label.box.x + label.box.w / 2 - middle.x, label.box.y + label.box.h / 2 - middle.y)
	return (
		firstClear(
			[...candidates].sort((a, b) => distance(a) - distance(b)),
			obstacles,
		) ?? centred
	)
}

/**
 * A box boundary's name: in its top-left corner, where the canvas shows it, unless an element's
 * border runs through it there; then another inside corner, or just outside the box.
 */
export function placeInBox(bounds: Bounds, block: TextBlock, obstacles: readonly Outline[]): PlacedLabel {
	const { w, h } = sizeOf(block)
	const inset = 5
	const left = bounds.x + inset
	const right = bounds.x + bounds.w - inset - w
	const top = bounds.y + inset
	const bottom = bounds.y + bounds.h - inset - h
	const candidates = [
		atCorner(block, left, top, 'start'),
		atCorner(block, right, top, 'start'),
		atCorner(block, left, bottom, 'start'),
		atCorner(block, right, bottom, 'start'),
		atCorner(block, left, bounds.y - h, 'start'),
		atCorner(block, left, bounds.y + bounds.h, 'start'),
	]
	return firstClear(candidates, obstacles) ?? candidates[0] ?? atCorner(block, left, top, 'start')
}
