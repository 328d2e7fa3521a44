import * as z from 'zod/mini'
import { nonEmptyString } from '@/lib/nonEmptyString'

/** 0 = the internet … 5 = the most trusted zone; the same scale as the boundary shape's trustZone. */
export const TRUST_ZONES = [0, 1, 2, 3, 4, 5] as const
export const trustZoneSchema = z.literal(TRUST_ZONES)
export type TrustZone = z.infer<typeof trustZoneSchema>

/** Outside every boundary is the internet: an element nobody drew a boundary around is not trusted. */
const OUTSIDE_ZONE: TrustZone = 0

/** Axis-aligned page-space bounds, as tldraw's `editor.getShapePageBounds` gives them. */
export const boundsSchema = z.object({
	x: z.number(),
	y: z.number(),
	w: z.number().check(z.nonnegative()),
	h: z.number().check(z.nonnegative()),
})
export type Bounds = z.infer<typeof boundsSchema>

export const zoneBoundarySchema = z.object({
	id: nonEmptyString,
	zone: trustZoneSchema,
	bounds: boundsSchema,
	pageId: nonEmptyString,
})
export type ZoneBoundary = z.infer<typeof zoneBoundarySchema>

const placedElementSchema = z.object({
	id: nonEmptyString,
	bounds: boundsSchema,
	pageId: nonEmptyString,
})
export type PlacedElement = z.infer<typeof placedElementSchema>

export type ElementPlacement = {
	zone: TrustZone
	/** Every boundary containing the element, smallest first; [] outside all of them. */
	boundaryIds: readonly string[]
}

export type FlowDirection = 'up' | 'down' | 'same'

export type FlowCrossing = {
	/** The two ends sit inside different sets of boundaries — even two boxes of the same zone count. */
	crossesBoundary: boolean
	/** 'up' from a lower to a higher zone (integrity bites), 'down' the reverse (disclosure bites). */
	direction: FlowDirection
	sourceZone: TrustZone
	targetZone: TrustZone
}

function centreOf(bounds: Bounds): { x: number; y: number } {
	return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
}

/** Edges count as inside, so an element centred exactly on a boundary's edge is not left outside. */
function contains(bounds: Bounds, point: { x: number; y: number }): boolean {
	return point.x >= bounds.x && point.x <= bounds.x + bounds.w && point.y >= bounds.y && point.y <= bounds.y + bounds.h
}

/**
 * The element's zone is that of the smallest boundary (by area) containing its centre: boundaries
 * nest (a PCI zone inside the internal network), and the innermost one is the one that describes
 * it. The centre, not the whole box, decides, because people draw elements straddling a dashed
 * line. Only boundaries on the element's own page count. Equal areas tie-break on id so every
 * client computes the same answer.
 */
export function placeElement(element: PlacedElement, boundaries: readonly ZoneBoundary[]): ElementPlacement {
	const centre = centreOf(element.bounds)
	const containing = boundaries
		.filter((boundary) => boundary.pageId === element.pageId && contains(boundary.bounds, centre))
		.sort((a, b) => a.bounds.w * a.bounds.h - b.bounds.w * b.bounds.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	return { zone: containing[0]?.zone ?? OUTSIDE_ZONE, boundaryIds: containing.map((boundary) => boundary.id) }
}

export function flowCrossing(source: ElementPlacement, target: ElementPlacement): FlowCrossing {
	const sourceSet = new Set(source.boundaryIds)
	const crossesBoundary = sourceSet.size !== target.boundaryIds.length || target.boundaryIds.some((id) => !sourceSet.has(id))
	return {
		crossesBoundary,
		direction: source.zone < target.zone ? 'up' : source.zone > target.zone ? 'down' : 'same',
		sourceZone: source.zone,
		targetZone: target.zone,
	}
}

export type ZoneFlow = { id: string; sourceId: string | null; targetId: string | null }

export type TrustZoneAnalysis = {
	elements: ReadonlyMap<string, ElementPlacement>
	/** Only flows bound at both ends to placed elements; a dangling arrow has no direction yet. */
	flows: ReadonlyMap<string, FlowCrossing>
}

export function analyseTrustZones(input: {
	boundaries: readonly ZoneBoundary[]
	elements: readonly PlacedElement[]
	flows: readonly ZoneFlow[]
}): TrustZoneAnalysis {
	const elements = new Map(input.elements.map((element) => [element.id, placeElement(element, input.boundaries)]))
	const flows = new Map<string, FlowCrossing>()
	for (const flow of input.flows) {
		const source = flow.sourceId === null ? undefined : elements.get(flow.sourceId)
		const target = flow.targetId === null ? undefined : elements.get(flow.targetId)
		if (source && target) flows.set(flow.id, flowCrossing(source, target))
	}
	return { elements, flows }
}
