import { createShapeId, type TLPageId, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'

/** A shape record as the store holds it, for tests that need realistic records without an editor. */
export function testShape<S extends TLShape>(
	shape: Pick<S, 'type' | 'props'> & Partial<Pick<S, 'meta' | 'x' | 'y'>> & { id?: TLShapeId; parentId?: TLShape['parentId'] },
): S {
	return {
		id: shape.id ?? createShapeId(),
		typeName: 'shape',
		type: shape.type,
		x: shape.x ?? 0,
		y: shape.y ?? 0,
		rotation: 0,
		index: 'a1' as IndexKey,
		parentId: shape.parentId ?? ('page:page' as TLPageId),
		isLocked: false,
		opacity: 1,
		props: shape.props,
		meta: shape.meta ?? {},
	} as S
}
