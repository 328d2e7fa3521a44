import { type Editor, getIndexBelow, type JsonObject, type TLShape } from 'tldraw'
import { DFD_SHAPE_TYPES, dfdKindOfShapeType, FLOW_SHAPE_TYPE } from '@/lib/dfd/elementKinds'
import { FLOW_META_DEFAULTS, type FlowMeta, flowMetaOf } from '@/lib/dfd/flowMeta'

/** Flow meta as the JSON tldraw stores in `shape.meta.dfd`. */
export function flowMetaJson(meta: FlowMeta): JsonObject {
	return { ...meta }
}

/**
 * A DFD element this client creates carries no human ID: the room stamps every create (a paste,
 * a duplicate or an undo brings an old ID along), so showing the copied ID until then would lie.
 * The shape shows "…" until the stamped record comes back.
 */
function withoutHumanId(editor: Editor, shape: TLShape): TLShape {
	const kind = dfdKindOfShapeType(shape.type)
	if (kind === null) return shape
	if (kind === 'flow') {
		const meta = flowMetaOf(shape.meta)
		if (meta.humanId === '' && shape.meta['dfd'] !== undefined) return shape
		return { ...shape, meta: { ...shape.meta, dfd: flowMetaJson({ ...meta, humanId: '' }) } }
	}
	if (!('humanId' in shape.props) || shape.props.humanId === '') return shape
	// The props are this kind's own, with one string field changed: still valid for the kind.
	return { ...shape, props: { ...shape.props, humanId: '' } } as TLShape
}

/** A new trust boundary goes behind every shape on its parent, so it never covers what it encloses. */
function atTheBack(editor: Editor, shape: TLShape): TLShape {
	const [lowestId] = editor.getSortedChildIdsForParent(shape.parentId)
	const lowest = lowestId ? editor.getShape(lowestId) : undefined
	if (!lowest || lowest.index > shape.index) return shape
	return { ...shape, index: getIndexBelow(lowest.index) }
}

/**
 * The canvas rules this client applies to its own writes. Only 'user' writes: records from the
 * room ('remote') are already as the room wants them. Returns the cleanup.
 */
export function registerDfdSideEffects(editor: Editor): () => void {
	// Every new arrow is a data flow with default DFD properties, so it validates against the
	// schema's arrow meta and the room can stamp its DF number.
	const previousInitialMeta = editor.getInitialMetaForShape
	editor.getInitialMetaForShape = (shape) =>
		shape.type === FLOW_SHAPE_TYPE ? { dfd: flowMetaJson(FLOW_META_DEFAULTS) } : {}

	const removeBeforeCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
		if (source !== 'user') return shape
		const next = withoutHumanId(editor, shape)
		return next.type === DFD_SHAPE_TYPES.boundary ? atTheBack(editor, next) : next
	})

	return () => {
		removeBeforeCreate()
		editor.getInitialMetaForShape = previousInitialMeta
	}
}
