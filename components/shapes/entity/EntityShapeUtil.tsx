import { Rectangle2d, type Geometry2d } from 'tldraw'
import { entityShapeMigrations } from '@/lib/dfd/shapes/entity-migrations'
import { ENTITY_SHAPE_DEFAULTS, ENTITY_SHAPE_TYPE, type EntityShape, entityShapeProps } from '@/lib/dfd/shapes/entity-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import { DfdElementView } from '../shared/DfdElementView'

/** External entity (an actor outside our control): a rectangle, by DFD convention. */
export class EntityShapeUtil extends DfdBoxShapeUtil<EntityShape> {
	static override type = ENTITY_SHAPE_TYPE
	static override props = entityShapeProps
	static override migrations = entityShapeMigrations

	override getDefaultProps(): EntityShape['props'] {
		return { ...ENTITY_SHAPE_DEFAULTS }
	}

	override getGeometry(shape: EntityShape): Geometry2d {
		return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: EntityShape) {
		const { w, h } = shape.props
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="corner"
				textInset={{ x: 6, y: 14 }}
				renderFill={(attrs) => <rect {...attrs} width={w} height={h} />}
				strokes={<rect width={w} height={h} />}
			/>
		)
	}

	override getIndicatorPath(shape: EntityShape) {
		const path = new Path2D()
		path.rect(0, 0, shape.props.w, shape.props.h)
		return path
	}
}
