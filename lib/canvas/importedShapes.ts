import {
	createBindingId,
	createShapeId,
	type TLArrowBinding,
	type TLArrowShape,
	type TLPageId,
	type TLShape,
	type TLTextShape,
	toRichText,
} from '@tldraw/tlschema'
import type { IndexKey, JsonObject } from '@tldraw/utils'
import type { Bounds } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import { DFD_SHAPE_TYPES } from '@/lib/dfd/elementKinds'
import type { FlowMeta } from '@/lib/dfd/flowMeta'
import type { DfdElementCommonProps } from '@/lib/dfd/shapes/commonProps'
import { AI_MODEL_ANSWERS, type AiModelAnswer, PRIVILEGE_LEVELS, type PrivilegeLevel } from '@/lib/dfd/shapes/process-props'
import type { Point } from '@/lib/reports/sessionModel'
import type { ElementInput } from '@/lib/reports/sessionModelInput'
import { boundaryLineMeta } from './boundaryLine'

// One imported element (already stamped by sessionInputFromImport) as the tldraw records our
// canvas draws: DFD box shapes with their props, a flow as tldraw's arrow with `meta.dfd` and a
// binding per bound end, a note as tldraw's text shape.

/** Our shapes accept 1…100 000 px a side (lib/dfd/shapes/commonProps.ts). */
const MIN_SIZE = 1
const MAX_SIZE = 100_000
const clampSize = (value: number) => Math.min(Math.max(value, MIN_SIZE), MAX_SIZE)
/** A flow whose ends are both unknown is drawn this long, so it can be seen and fixed. */
const FALLBACK_FLOW_LENGTH = 100
const DEFAULT_TRUST_ZONE = 3

export interface ShapePlacement {
	pageId: TLPageId
	index: IndexKey
}

const flag = (properties: DfdProperties, key: string) => properties[key] === true
const text = (properties: DfdProperties, key: string) => {
	const value = properties[key]
	return typeof value === 'string' ? value : ''
}
function privilegeOf(properties: DfdProperties): PrivilegeLevel {
	return PRIVILEGE_LEVELS.find((level) => level === properties.privilegeLevel) ?? 'standard'
}
function aiModelOf(properties: DfdProperties): AiModelAnswer {
	return AI_MODEL_ANSWERS.find((answer) => answer === properties.aiModel) ?? 'unknown'
}
function trustZoneOf(properties: DfdProperties): number {
	const zone = properties.trustZone
	return typeof zone === 'number' && Number.isInteger(zone) && zone >= 0 && zone <= 5 ? zone : DEFAULT_TRUST_ZONE
}

/** The part after `shape:`: tldraw's id helpers add the prefix themselves. */
const shapeIdOf = (shapeId: string) => createShapeId(shapeId.startsWith('shape:') ? shapeId.slice('shape:'.length) : shapeId)

function base(element: ElementInput, at: ShapePlacement, position: Point, meta: JsonObject = {}) {
	return {
		id: shapeIdOf(element.shapeId),
		typeName: 'shape' as const,
		x: position.x,
		y: position.y,
		rotation: 0,
		index: at.index,
		parentId: at.pageId,
		isLocked: false,
		opacity: 1,
		meta,
	}
}

function common(element: ElementInput, bounds: Bounds): DfdElementCommonProps {
	return {
		w: clampSize(bounds.w),
		h: clampSize(bounds.h),
		humanId: element.humanId,
		name: element.name,
		description: element.description,
		outOfScope: element.outOfScope,
		reasonOutOfScope: element.reasonOutOfScope,
	}
}

/** Entities, processes, stores and boundaries (a TD curve becomes a box carrying its line). */
export function boxShape(element: ElementInput, at: ShapePlacement): TLShape | null {
	const p = element.properties
	switch (element.kind) {
		case 'entity':
			return {
				...base(element, at, element.bounds),
				type: DFD_SHAPE_TYPES.entity,
				props: { ...common(element, element.bounds), providesAuthentication: flag(p, 'providesAuthentication') },
			}
		case 'process':
		case 'multiprocess':
			return {
				...base(element, at, element.bounds),
				type: DFD_SHAPE_TYPES[element.kind],
				props: { ...common(element, element.bounds), privilegeLevel: privilegeOf(p), isWebApplication: flag(p, 'isWebApplication'), aiModel: aiModelOf(p) },
			}
		case 'store':
			return {
				...base(element, at, element.bounds),
				type: DFD_SHAPE_TYPES.store,
				props: {
					...common(element, element.bounds),
					storesCredentials: flag(p, 'storesCredentials'),
					isALog: flag(p, 'isALog'),
					isEncrypted: flag(p, 'isEncrypted'),
					isSigned: flag(p, 'isSigned'),
				},
			}
		case 'boundary': {
			const line = element.points && element.points.length >= 2 ? boundaryLineMeta(element.points) : null
			const bounds = line?.bounds ?? element.bounds
			return { ...base(element, at, bounds, line?.meta), type: DFD_SHAPE_TYPES.boundary, props: { ...common(element, bounds), trustZone: trustZoneOf(p) } }
		}
		default:
			return null
	}
}

export function textShape(element: ElementInput, at: ShapePlacement): TLTextShape {
	return {
		...base(element, at, element.bounds),
		type: 'text',
		props: {
			color: 'black',
			size: 'm',
			font: 'draw',
			textAlign: 'start',
			w: clampSize(element.bounds.w),
			richText: toRichText(element.name),
			scale: 1,
			// Keep TD's width and let the text wrap inside it, as TD's text block does.
			autoSize: false,
		},
	}
}

function flowMeta(element: ElementInput): FlowMeta {
	const p = element.properties
	return {
		humanId: element.humanId,
		description: element.description,
		outOfScope: element.outOfScope,
		reasonOutOfScope: element.reasonOutOfScope,
		protocol: text(p, 'protocol'),
		isEncrypted: flag(p, 'isEncrypted'),
		isPublicNetwork: flag(p, 'isPublicNetwork'),
		isBidirectional: flag(p, 'isBidirectional'),
	}
}

function binding(arrow: TLArrowShape, terminal: 'start' | 'end', toShapeId: string): TLArrowBinding {
	return {
		id: createBindingId(`${arrow.id.slice('shape:'.length)}-${terminal}`),
		typeName: 'binding',
		type: 'arrow',
		fromId: arrow.id,
		toId: shapeIdOf(toShapeId),
		// Pointing at the centre, imprecise: tldraw routes the end to the outline itself, as a user's arrow.
		props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
		meta: {},
	}
}

/**
 * A flow as tldraw's arrow at its TD ends (used for loose ends; bound ends follow their shapes),
 * the label as rich text, the DFD properties in `meta.dfd`, and a binding to each bound end.
 * TD's bends are not kept: tldraw routes an arrow itself (straight, or one arc).
 */
export function flowRecords(
	element: ElementInput,
	at: ShapePlacement,
	boundShapeIds: ReadonlySet<string>,
): { arrow: TLArrowShape; bindings: TLArrowBinding[] } {
	const points = element.points ?? []
	const start = points[0] ?? { x: element.bounds.x, y: element.bounds.y }
	const end = points.length >= 2 ? (points.at(-1) ?? start) : { x: start.x + FALLBACK_FLOW_LENGTH, y: start.y }
	const meta = flowMeta(element)
	const arrow: TLArrowShape = {
		...base(element, at, start, { dfd: { ...meta } }),
		type: 'arrow',
		props: {
			kind: 'arc',
			labelColor: 'black',
			color: 'black',
			fill: 'none',
			dash: 'draw',
			size: 'm',
			arrowheadStart: meta.isBidirectional ? 'arrow' : 'none',
			arrowheadEnd: 'arrow',
			font: 'draw',
			start: { x: 0, y: 0 },
			end: { x: end.x - start.x, y: end.y - start.y },
			bend: 0,
			richText: toRichText(element.name),
			labelPosition: 0.5,
			scale: 1,
			elbowMidPoint: 0.5,
		},
	}
	const bindings: TLArrowBinding[] = []
	if (element.sourceShapeId !== null && boundShapeIds.has(element.sourceShapeId)) bindings.push(binding(arrow, 'start', element.sourceShapeId))
	if (element.targetShapeId !== null && boundShapeIds.has(element.targetShapeId)) bindings.push(binding(arrow, 'end', element.targetShapeId))
	return { arrow, bindings }
}
