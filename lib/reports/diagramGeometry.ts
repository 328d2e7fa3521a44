import type { Bounds } from '@/lib/analysis/trustZones'
import { clipToEnds, outlineOf } from './diagramOutline'
import type { ModelElement, Point } from './sessionModel'

export function centreOf(bounds: Bounds): Point {
	return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
}

function isRound(element: Pick<ModelElement, 'kind'>): boolean {
	return element.kind === 'process' || element.kind === 'multiprocess'
}

/** Where the ray from the centre of a box (or the circle inside it) towards `toward` leaves its outline. */
export function outlineExit(bounds: Bounds, round: boolean, toward: Point): Point {
	const centre = centreOf(bounds)
	const dx = toward.x - centre.x
	const dy = toward.y - centre.y
	const length = Math.hypot(dx, dy)
	if (length === 0) return centre
	if (round) {
		const radius = Math.min(bounds.w, bounds.h) / 2
		return { x: centre.x + (dx / length) * radius, y: centre.y + (dy / length) * radius }
	}
	const scale = Math.min(dx === 0 ? Number.POSITIVE_INFINITY : bounds.w / 2 / Math.abs(dx), dy === 0 ? Number.POSITIVE_INFINITY : bounds.h / 2 / Math.abs(dy))
	return { x: centre.x + dx * Math.min(scale, 1), y: centre.y + dy * Math.min(scale, 1) }
}

function exitPoint(element: ModelElement, toward: Point): Point {
	return outlineExit(element.bounds, isRound(element), toward)
}

/**
 * The line a flow is drawn along, from the outline of its source to the outline of its target, so
 * its arrowhead shows. Its own points when it has them (the canvas's arrow geometry, Threat
 * Dragon's vertices), cut where they enter a shape; otherwise from edge to edge of the elements it
 * connects; otherwise across its box.
 */
export function flowPath(flow: ModelElement, byId: ReadonlyMap<string, ModelElement>): Point[] {
	const source = flow.sourceShapeId === null ? undefined : byId.get(flow.sourceShapeId)
	const target = flow.targetShapeId === null ? undefined : byId.get(flow.targetShapeId)
	const clip = (points: Point[]) => clipToEnds(points, source ? outlineOf(source) : null, target ? outlineOf(target) : null)
	if (flow.points.length >= 2) return clip(flow.points)
	if (source && target) {
		return clip([exitPoint(source, centreOf(target.bounds)), exitPoint(target, centreOf(source.bounds))])
	}
	const { x, y, w, h } = flow.bounds
	return [
		{ x, y: y + h / 2 },
		{ x: x + w, y: y + h / 2 },
	]
}

/** The point `fraction` (0…1) of the way along a polyline, and the unit direction of the segment it is on. */
export function alongPolyline(points: readonly Point[], fraction: number): { point: Point; direction: Point } {
	const segments = points.slice(1).map((point, index) => {
		const from = points[index] ?? point
		return { from, to: point, length: Math.hypot(point.x - from.x, point.y - from.y) }
	})
	let remaining = segments.reduce((sum, segment) => sum + segment.length, 0) * fraction
	for (const segment of segments) {
		if (remaining <= segment.length && segment.length > 0) {
			const t = remaining / segment.length
			const direction = { x: (segment.to.x - segment.from.x) / segment.length, y: (segment.to.y - segment.from.y) / segment.length }
			return { point: { x: segment.from.x + (segment.to.x - segment.from.x) * t, y: segment.from.y + (segment.to.y - segment.from.y) * t }, direction }
		}
		remaining -= segment.length
	}
	return { point: points[0] ?? { x: 0, y: 0 }, direction: { x: 1, y: 0 } }
}

/** The box around every element and point, for the SVG's viewBox. */
export function extentOf(elements: readonly ModelElement[]): Bounds | null {
	let minX = Number.POSITIVE_INFINITY
	let minY = Number.POSITIVE_INFINITY
	let maxX = Number.NEGATIVE_INFINITY
	let maxY = Number.NEGATIVE_INFINITY
	for (const element of elements) {
		const { x, y, w, h } = element.bounds
		// A line's extent is its points; a flow without any is drawn between its ends, already counted.
		const drawnBetweenEnds = element.kind === 'flow' && element.sourceShapeId !== null && element.targetShapeId !== null
		const corners =
			element.points.length > 0 || drawnBetweenEnds
				? []
				: [
						{ x, y },
						{ x: x + w, y: y + h },
					]
		for (const point of [...corners, ...element.points]) {
			minX = Math.min(minX, point.x)
			minY = Math.min(minY, point.y)
			maxX = Math.max(maxX, point.x)
			maxY = Math.max(maxY, point.y)
		}
	}
	if (!Number.isFinite(minX)) return null
	return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}
