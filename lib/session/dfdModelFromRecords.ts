import type { TLRecord, TLShape } from '@tldraw/tlschema'
import type { DfdElement } from '../dfd/dfdElementSchema'
import {
	type DfdModel,
	entityPropertiesSchema,
	flowPropertiesSchema,
	type ModelNode,
	processPropertiesSchema,
	storePropertiesSchema,
} from '../analysis/suggestions'
import type { Bounds, TrustZone } from '../analysis/trustZones'
import { TRUST_ZONES } from '../analysis/trustZones'
import { canvasElements } from './canvasElements'

/** Page-space bounds of a shape; the browser passes tldraw's `editor.getShapePageBounds`. */
export type BoundsOf = (shape: TLShape) => Bounds | null

export interface DfdModelOptions {
	/** Only this diagram: suggestions and trust zones are about one page's drawing. */
	pageId: string
	boundsOf?: BoundsOf
}

/**
 * Without an editor (tests, the server), a shape's box from its records: its position plus its
 * ancestors' (groups and frames), and its own size. Rotation is ignored — good enough to decide
 * which trust boundary an element sits in, which is all the bounds are used for.
 */
export function boundsFromRecords(records: ReadonlyMap<string, TLRecord>): BoundsOf {
	return (shape) => {
		let x = shape.x
		let y = shape.y
		const seen = new Set<string>([shape.id])
		let parent = records.get(shape.parentId)
		while (parent?.typeName === 'shape' && !seen.has(parent.id)) {
			seen.add(parent.id)
			x += parent.x
			y += parent.y
			parent = records.get(parent.parentId)
		}
		const w = 'w' in shape.props && typeof shape.props.w === 'number' ? shape.props.w : 0
		const h = 'h' in shape.props && typeof shape.props.h === 'number' ? shape.props.h : 0
		return { x, y, w, h }
	}
}

function trustZoneOf(value: unknown): TrustZone {
	return TRUST_ZONES.find((zone) => zone === value) ?? 0
}

function toNode(element: DfdElement, bounds: Bounds): ModelNode | null {
	const placed = { id: element.shapeId, pageId: element.pageId, bounds }
	switch (element.kind) {
		case 'entity':
			return { ...placed, kind: 'entity', props: entityPropertiesSchema.parse(element.properties) }
		case 'process':
		case 'multiprocess':
			return { ...placed, kind: element.kind, props: processPropertiesSchema.parse(element.properties) }
		case 'store':
			return { ...placed, kind: 'store', props: storePropertiesSchema.parse(element.properties) }
		default:
			return null
	}
}

/**
 * The suggestion rules' view of one diagram (lib/analysis/suggestions: buildElementContexts),
 * built from the tldraw records the panel already holds. Properties come from the same projection
 * the database stores, parsed with the rules' own schemas so a missing property takes its default.
 */
export function dfdModelFromRecords(records: Iterable<TLRecord>, { pageId, boundsOf }: DfdModelOptions): DfdModel {
	const byId = new Map<string, TLRecord>()
	for (const record of records) byId.set(record.id, record)
	const boundsFor = boundsOf ?? boundsFromRecords(byId)
	const shapeBounds = (id: string): Bounds | null => {
		const record = byId.get(id)
		return record?.typeName === 'shape' ? boundsFor(record) : null
	}

	const model: DfdModel = { nodes: [], flows: [], boundaries: [] }
	for (const element of canvasElements(byId.values())) {
		if (element.pageId !== pageId) continue
		if (element.kind === 'flow') {
			model.flows.push({
				id: element.shapeId,
				sourceId: element.sourceShapeId,
				targetId: element.targetShapeId,
				props: flowPropertiesSchema.parse(element.properties),
			})
			continue
		}
		const bounds = shapeBounds(element.shapeId)
		if (!bounds) continue
		if (element.kind === 'boundary') {
			model.boundaries.push({
				id: element.shapeId,
				zone: trustZoneOf(element.properties.trustZone),
				bounds,
				pageId: element.pageId,
			})
			continue
		}
		const node = toNode(element, bounds)
		if (node) model.nodes.push(node)
	}
	return model
}
