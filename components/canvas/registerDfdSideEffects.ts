import { type Editor, getIndexBelow, type JsonObject, type TLShape } from 'tldraw'
import { DFD_SHAPE_TYPES, dfdKindOfShapeType, FLOW_SHAPE_TYPE } from '@/lib/dfd/elementKinds'
import { FLOW_META_DEFAULTS, type FlowMeta, flowMetaOf } from '@/lib/dfd/flowMeta'
import { humanIdOf } from '@/lib/dfd/humanIds'

/** Flow meta as the JSON tldraw stores in `shape.meta.dfd`. */
export function flowMetaJson(meta: FlowMeta): JsonObject {
	return { ...meta }
}

/** The shape with another human ID; any other shape comes back as it is. */
function withHumanId(shape: TLShape, humanId: string): TLShape {
	const kind = dfdKindOfShapeType(shape.type)
	if (kind === null) return shape
	if (kind === 'flow') {
		return { ...shape, meta: { ...shape.meta, dfd: flowMetaJson({ ...flowMetaOf(shape.meta), humanId }) } }
	}
	if (!('humanId' in shape.props)) return shape
	// The props are this kind's own, with one string field changed: still valid for the kind.
	return { ...shape, props: { ...shape.props, humanId } } as TLShape
}

/**
 * A DFD element this client creates carries no human ID: the room stamps every create (a paste,
 * a duplicate or an undo brings an old ID along), so showing the copied ID until then would lie.
 * The shape shows "…" until the stamped record comes back.
 */
function withoutHumanId(shape: TLShape): TLShape {
	const humanId = humanIdOf(shape)
	if (humanId === null) return shape
	// An arrow without flow meta (pasted from another board) gets it here too.
	if (humanId === '' && (shape.type !== FLOW_SHAPE_TYPE || shape.meta.dfd !== undefined)) return shape
	return withHumanId(shape, '')
}

/**
 * Human IDs belong to the room, which rejects any update that changes one. Undo and redo replay
 * whole records, so undoing an edit made before the stamp arrived would put '' back, the room
 * would reject the update, and the undo would silently bounce. Local writes keep the ID.
 */
function keepingHumanId(prev: TLShape, next: TLShape): TLShape {
	const stamped = humanIdOf(prev)
	if (!stamped || humanIdOf(next) === stamped || next.type !== prev.type) return next
	return withHumanId(next, stamped)
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
	editor.getInitialMetaForShape = (shape) => (shape.type === FLOW_SHAPE_TYPE ? { dfd: flowMetaJson(FLOW_META_DEFAULTS) } : {})

	const removeBeforeCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
		if (source !== 'user') return shape
		const next = withoutHumanId(shape)
		return next.type === DFD_SHAPE_TYPES.boundary ? atTheBack(editor, next) : next
	})

	const removeBeforeChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
		source === 'user' ? keepingHumanId(prev, next) : next,
	)

	return () => {
		removeBeforeCreate()
		removeBeforeChange()
		editor.getInitialMetaForShape = previousInitialMeta
	}
}
