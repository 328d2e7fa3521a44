import { createBindingId, type TLArrowBinding, type TLParentId, type TLRecord, type TLSchema, type TLShape, type TLShapeId, toRichText } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { DFD_SHAPE_TYPES } from '@/lib/dfd/elementKinds'
import { FLOW_META_DEFAULTS } from '@/lib/dfd/flowMeta'
import { BOUNDARY_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/boundary-props'
import { ENTITY_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/entity-props'
import { PROCESS_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/process-props'
import { STORE_SHAPE_DEFAULTS } from '@/lib/dfd/shapes/store-props'
import { bareCanvasSchema } from '../bareParty/schema'
import { type BenchNode, benchDiagramLayout } from '../bareTldraw/app/benchDiagram'

// The benchmark diagram as complete, schema-built records: for Threatroom DFD elements and flows
// (tldraw arrows carrying DFD meta, bound to their ends), for the bare room tldraw's geo rectangles
// and arrows, on the same layout and ids (bareTldraw/app/benchDiagram.ts).

export type Engine = 'ours' | 'bare'

/** The page every new room starts with (tldraw's DEFAULT_INITIAL_SNAPSHOT). */
const DEFAULT_PAGE_ID = 'page:page' as TLParentId

const NODE_KINDS = [
	{ type: DFD_SHAPE_TYPES.entity, defaults: ENTITY_SHAPE_DEFAULTS },
	{ type: DFD_SHAPE_TYPES.process, defaults: PROCESS_SHAPE_DEFAULTS },
	{ type: DFD_SHAPE_TYPES.store, defaults: STORE_SHAPE_DEFAULTS },
] as const

const GEO_PROPS = {
	geo: 'rectangle',
	dash: 'draw',
	growY: 0,
	url: '',
	scale: 1,
	flipX: false,
	flipY: false,
	color: 'black',
	labelColor: 'black',
	fill: 'none',
	size: 'm',
	font: 'draw',
	align: 'middle',
	verticalAlign: 'middle',
} as const

let lastIndex: IndexKey | null = null
function nextIndex(): IndexKey {
	lastIndex = getIndexAbove(lastIndex)
	return lastIndex
}

function schemaOf(engine: Engine): TLSchema {
	return engine === 'ours' ? threatroomSchema : bareCanvasSchema
}

function nodeRecord(engine: Engine, node: BenchNode, ordinal: number): TLShape {
	const shapeType = schemaOf(engine).types.shape
	if (engine === 'ours') {
		const kind = NODE_KINDS[ordinal % NODE_KINDS.length] ?? NODE_KINDS[0]
		return shapeType.create({
			id: node.id as TLShapeId,
			type: kind.type,
			parentId: DEFAULT_PAGE_ID,
			index: nextIndex(),
			x: node.x,
			y: node.y,
			props: { ...kind.defaults, w: node.w, h: node.h, name: `Element ${ordinal}` },
		}) as TLShape
	}
	return shapeType.create({
		id: node.id as TLShapeId,
		type: 'geo',
		parentId: DEFAULT_PAGE_ID,
		index: nextIndex(),
		x: node.x,
		y: node.y,
		props: { ...GEO_PROPS, w: node.w, h: node.h, richText: toRichText(`Element ${ordinal}`) },
	}) as TLShape
}

function arrowRecord(engine: Engine, id: string, from: BenchNode, to: BenchNode, label: string): TLShape {
	return schemaOf(engine).types.shape.create({
		id: id as TLShapeId,
		type: 'arrow',
		parentId: DEFAULT_PAGE_ID,
		index: nextIndex(),
		x: from.x + from.w,
		y: from.y + from.h / 2,
		meta: engine === 'ours' ? { dfd: { ...FLOW_META_DEFAULTS } } : {},
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
			end: { x: to.x - from.x - from.w, y: to.y - from.y },
			arrowheadStart: 'none',
			arrowheadEnd: 'arrow',
			richText: toRichText(label),
			labelPosition: 0.5,
			font: 'draw',
			scale: 1,
		},
	}) as TLShape
}

function bindingRecord(engine: Engine, arrowId: string, toId: string, terminal: 'start' | 'end'): TLArrowBinding {
	return schemaOf(engine).types.binding.create({
		id: createBindingId(),
		type: 'arrow',
		fromId: arrowId as TLShapeId,
		toId: toId as TLShapeId,
		props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
	}) as TLArrowBinding
}

/** A trust boundary around a region of the diagram (Threatroom only: the bare room has no such shape). */
export function boundaryRecord(id: string, box: { x: number; y: number; w: number; h: number }, ordinal: number): TLShape {
	return threatroomSchema.types.shape.create({
		id: id as TLShapeId,
		type: DFD_SHAPE_TYPES.boundary,
		parentId: DEFAULT_PAGE_ID,
		index: nextIndex(),
		x: box.x,
		y: box.y,
		props: { ...BOUNDARY_SHAPE_DEFAULTS, w: box.w, h: box.h, name: `Zone ${ordinal}`, trustZone: ordinal % 6 },
	}) as TLShape
}

/** `count` elements (70 % boxes, 30 % flows with both ends bound), ready for `store.put`. */
export function diagramRecords(engine: Engine, count: number): TLRecord[] {
	const { nodes, flows } = benchDiagramLayout(count)
	return [
		...nodes.map((node, ordinal) => nodeRecord(engine, node, ordinal)),
		...flows.flatMap((flow, i) => [
			arrowRecord(engine, flow.id, flow.from, flow.to, `Flow ${i}`),
			bindingRecord(engine, flow.id, flow.from.id, 'start'),
			bindingRecord(engine, flow.id, flow.to.id, 'end'),
		]),
	]
}

/** The ids of the diagram's boxes (what the edits move). */
export function diagramNodeIds(count: number): TLShapeId[] {
	return benchDiagramLayout(count).nodes.map((node) => node.id as TLShapeId)
}

/** A new box for a "create" edit, off the diagram's grid so it never covers the join benchmark's target. */
export function extraNode(engine: Engine, serial: string, ordinal: number): TLShape {
	const node: BenchNode = { id: `shape:extra-${serial}`, x: 2_000 + (ordinal % 20) * 100, y: 2_000 + Math.floor(ordinal / 20) * 80, w: 80, h: 60 }
	return nodeRecord(engine, node, ordinal)
}
