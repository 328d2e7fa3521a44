import {
	createBindingId,
	createShapeId,
	type TLArrowBinding,
	type TLPage,
	type TLPageId,
	type TLParentId,
	type TLShape,
	type TLShapeId,
	toRichText,
} from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { DFD_SHAPE_TYPES, type DfdShapeType } from '@/lib/dfd/elementKinds'
import { FLOW_META_DEFAULTS, type FlowMeta } from '@/lib/dfd/flowMeta'
import { BOUNDARY_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/boundary-props'
import { ENTITY_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/entity-props'
import { MULTIPROCESS_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/multiprocess-props'
import { PROCESS_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/process-props'
import { STORE_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/store-props'

// Canvas records as the browser creates them, built (and so validated) with the real schema.

const { shape: shapeType, binding: bindingType, page: pageType } = threatroomSchema.types

const DEFAULT_PROPS = {
	[DFD_SHAPE_TYPES.entity]: ENTITY_SHAPE_DEFAULTS,
	[DFD_SHAPE_TYPES.process]: PROCESS_SHAPE_DEFAULTS,
	[DFD_SHAPE_TYPES.multiprocess]: MULTIPROCESS_SHAPE_DEFAULTS,
	[DFD_SHAPE_TYPES.store]: STORE_SHAPE_DEFAULTS,
	[DFD_SHAPE_TYPES.boundary]: BOUNDARY_SHAPE_DEFAULTS,
}

let lastIndex: IndexKey | null = null
function index(): IndexKey {
	lastIndex = getIndexAbove(lastIndex)
	return lastIndex
}

export function pageRecord(id: string, name: string): TLPage {
	return pageType.create({ id: `page:${id}` as TLPageId, name, index: index() }) as TLPage
}

export function dfdShape<K extends DfdShapeType>(
	type: K,
	parentId: TLParentId,
	props: Partial<TLShape<K>['props']> = {},
	id: TLShapeId = createShapeId(),
): TLShape<K> {
	return shapeType.create({
		id,
		type,
		parentId,
		index: index(),
		props: { ...DEFAULT_PROPS[type], ...props },
	}) as TLShape<K>
}

export function flowArrow(parentId: TLParentId, label: string, dfd: Partial<FlowMeta> | null = {}, id: TLShapeId = createShapeId()): TLShape<'arrow'> {
	return shapeType.create({
		id,
		type: 'arrow',
		parentId,
		index: index(),
		meta: dfd === null ? {} : { dfd: { ...FLOW_META_DEFAULTS, ...dfd } },
		props: {
			kind: 'arc',
			elbowMidPoint: 0.5,
			dash: 'draw',
			size: 'm',
			fill: 'none',
			color: 'black',
			labelColor: 'black',
			bend: 0,
			start: { x: 0, y: 0 },
			end: { x: 100, y: 0 },
			arrowheadStart: 'none',
			arrowheadEnd: 'arrow',
			richText: toRichText(label),
			labelPosition: 0.5,
			font: 'draw',
			scale: 1,
		},
	}) as TLShape<'arrow'>
}

export function arrowBinding(arrowId: TLShapeId, toId: TLShapeId, terminal: 'start' | 'end'): TLArrowBinding {
	return bindingType.create({
		id: createBindingId(),
		type: 'arrow',
		fromId: arrowId,
		toId,
		props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
	}) as TLArrowBinding
}

export function groupShape(parentId: TLParentId, id: TLShapeId = createShapeId()): TLShape<'group'> {
	return shapeType.create({ id, type: 'group', parentId, index: index(), props: {} }) as TLShape<'group'>
}

export function noteShape(parentId: TLParentId): TLShape<'note'> {
	return shapeType.create({
		id: createShapeId(),
		type: 'note',
		parentId,
		index: index(),
		props: {
			color: 'black',
			labelColor: 'black',
			size: 'm',
			font: 'draw',
			fontSizeAdjustment: 0,
			align: 'middle',
			verticalAlign: 'middle',
			growY: 0,
			url: '',
			richText: toRichText('a note'),
			scale: 1,
			textLastEditedBy: null,
		},
	}) as TLShape<'note'>
}
