import type { Bounds } from '@/lib/analysis/trustZones'
import type { ModelElement, Point } from './sessionModel'

// The outline each element is drawn with in the report's SVG, the same the canvas gives it
// (components/shapes: processes are the ellipse filling their box, every other shape its box), so
// a flow can stop where its target's outline begins instead of under the shape.

export type Outline = { kind: 'box'; bounds: Bounds } | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }

export function outlineOf(element: Pick<ModelElement, 'kind' | 'bounds'>): Outline {
	if (element.kind === 'process' || element.kind === 'multiprocess') {
		const { x, y, w, h } = element.bounds
		return { kind: 'ellipse', cx: x + w / 2, cy: y + h / 2, rx: w / 2, ry: h / 2 }
	}
	return { kind: 'box', bounds: element.bounds }
}

/** Strictly inside: a point already on the outline is where a flow should end, and stays. */
export function isInside(outline: Outline, point: Point): boolean {
	const EPSILON = 1e-6
	if (outline.kind === 'box') {
		const { x, y, w, h } = outline.bounds
		return point.x > x + EPSILON && point.x < x + w - EPSILON && point.y > y + EPSILON && point.y < y + h - EPSILON
	}
	if (outline.rx <= 0 || outline.ry <= 0) return false
	const dx = (point.x - outline.cx) / outline.rx
	const dy = (point.y - outline.cy) / outline.ry
	return dx * dx + dy * dy < 1 - EPSILON
}

/** Where the segment from `outside` to `inside` crosses the outline (the shapes are convex, so once). */
function crossing(outline: Outline, outside: Point, inside: Point): Point {
	let low = 0
	let high = 1
	// 40 halvings: far below the 0.1 px the SVG is written with.
	for (let step = 0; step < 40; step++) {
		const t = (low + high) / 2
		if (isInside(outline, { x: outside.x + (inside.x - outside.x) * t, y: outside.y + (inside.y - outside.y) * t })) high = t
		else low = t
	}
	return { x: outside.x + (inside.x - outside.x) * low, y: outside.y + (inside.y - outside.y) * low }
}

/** The polyline cut where it last enters the outline (walking from its start); unchanged when its end is outside, or all of it is inside. */
function clipEnd(points: readonly Point[], outline: Outline): Point[] {
	const last = points.at(-1)
	if (!last || !isInside(outline, last)) return [...points]
	for (let index = points.length - 2; index >= 0; index--) {
		const from = points[index]
		if (from && !isInside(outline, from)) return [...points.slice(0, index + 1), crossing(outline, from, points[index + 1] ?? last)]
	}
	return [...points]
}

/**
 * A flow's line from the outline of its source to the outline of its target. The canvas's points
 * may end inside a shape (a precise binding's anchor, an import's cell centre); drawn as they are,
 * the arrowhead would sit under the target and the direction would be lost.
 */
export function clipToEnds(points: readonly Point[], source: Outline | null, target: Outline | null): Point[] {
	const clippedEnd = target ? clipEnd(points, target) : [...points]
	return source ? clipEnd([...clippedEnd].reverse(), source).reverse() : clippedEnd
}

/** Whether a label's box covers any of the outline's shape (for an ellipse, not just its box). */
export function overlaps(box: Bounds, outline: Outline): boolean {
	if (outline.kind === 'box') {
		const other = outline.bounds
		return box.x < other.x + other.w && other.x < box.x + box.w && box.y < other.y + other.h && other.y < box.y + box.h
	}
	if (outline.rx <= 0 || outline.ry <= 0) return false
	// Scaled so the ellipse is the unit circle, the box stays a box: its nearest point decides.
	const nearestX = Math.min(Math.max(0, (box.x - outline.cx) / outline.rx), (box.x + box.w - outline.cx) / outline.rx)
	const nearestY = Math.min(Math.max(0, (box.y - outline.cy) / outline.ry), (box.y + box.h - outline.cy) / outline.ry)
	return nearestX * nearestX + nearestY * nearestY < 1
}
