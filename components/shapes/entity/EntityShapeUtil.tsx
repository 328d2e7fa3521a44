import { entityShapeMigrations } from '@/lib/dfd/shapes/entity-migrations'
import { ENTITY_SHAPE_DEFAULTS, ENTITY_SHAPE_TYPE, type EntityShape, entityShapeProps } from '@/lib/dfd/shapes/entity-props'
import { RectElementShapeUtil } from '../shared/RectElementShapeUtil'

/** External entity (an actor outside our control): a rectangle, by DFD convention. */
export class EntityShapeUtil extends RectElementShapeUtil<EntityShape> {
	static override type = ENTITY_SHAPE_TYPE
	static override props = entityShapeProps
	static override migrations = entityShapeMigrations

	override getDefaultProps(): EntityShape['props'] {
		return { ...ENTITY_SHAPE_DEFAULTS }
	}

	override renderStrokes(w: number, h: number) {
		return <rect width={w} height={h} />
	}
}
