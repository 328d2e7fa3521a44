import { analyseTrustZones, type TrustZone, trustZoneSchema, type ZoneBoundary } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import { compareElements } from './ordering'
import type { Diagram, ModelElement } from './sessionModel'
import type { ElementInput, PageInput } from './sessionModelInput'

/** A boundary drawn as a line (imported from Threat Dragon) encloses nothing, so it has no zone. */
function isLineBoundary(element: Pick<ElementInput, 'kind' | 'points'>): boolean {
	return element.kind === 'boundary' && (element.points?.length ?? 0) > 0
}

function boxZone(element: ElementInput): TrustZone | null {
	const parsed = trustZoneSchema.safeParse(element.properties.trustZone)
	return parsed.success ? parsed.data : null
}

/** Each node's zone, from the smallest box boundary around its centre (lib/analysis/trustZones.ts). */
function zonesOf(elements: readonly ElementInput[]): Map<string, TrustZone | null> {
	const boundaries: ZoneBoundary[] = []
	const zones = new Map<string, TrustZone | null>()
	for (const element of elements) {
		if (element.kind !== 'boundary' || isLineBoundary(element)) continue
		const zone = boxZone(element)
		zones.set(element.shapeId, zone)
		if (zone !== null) boundaries.push({ id: element.shapeId, zone, bounds: element.bounds, pageId: element.pageId })
	}
	const nodes = elements.filter((element) => element.kind !== 'flow' && element.kind !== 'boundary' && element.kind !== 'text')
	const placed = analyseTrustZones({
		boundaries,
		elements: nodes.map((node) => ({ id: node.shapeId, bounds: node.bounds, pageId: node.pageId })),
		flows: [],
	})
	for (const [id, placement] of placed.elements) zones.set(id, placement.zone)
	return zones
}

/** Sorted keys, so the JSON of two exports of the same session is byte-identical. */
function sortedProperties(properties: DfdProperties): DfdProperties {
	return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function toModelElement(element: ElementInput, zone: TrustZone | null): ModelElement {
	return {
		shapeId: element.shapeId,
		humanId: element.humanId,
		kind: element.kind,
		name: element.name,
		description: element.description,
		outOfScope: element.outOfScope,
		reasonOutOfScope: element.reasonOutOfScope,
		properties: sortedProperties(element.properties),
		bounds: { ...element.bounds },
		sourceShapeId: element.kind === 'flow' ? element.sourceShapeId : null,
		targetShapeId: element.kind === 'flow' ? element.targetShapeId : null,
		points: (element.points ?? []).map(({ x, y }) => ({ x, y })),
		zone,
	}
}

/** One diagram per page, in page order; elements on a page nobody listed still get a diagram. */
export function buildDiagrams(pages: readonly PageInput[], elements: readonly ElementInput[]): Diagram[] {
	const zones = zonesOf(elements)
	const byPage = new Map<string, ModelElement[]>()
	for (const element of elements) {
		const list = byPage.get(element.pageId) ?? []
		list.push(toModelElement(element, zones.get(element.shapeId) ?? null))
		byPage.set(element.pageId, list)
	}
	const listed = new Set(pages.map((page) => page.id))
	const unlisted = [...byPage.keys()].filter((pageId) => !listed.has(pageId)).sort()
	return [
		...pages.map((page) => ({ pageId: page.id, name: page.name, source: page.source ?? null })),
		...unlisted.map((pageId) => ({ pageId, name: pageId, source: null })),
	].map(({ pageId, name, source }) => ({ pageId, name, elements: (byPage.get(pageId) ?? []).sort(compareElements), source }))
}
