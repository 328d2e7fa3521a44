import { Rectangle2d, type Geometry2d } from 'tldraw'
import { storeShapeMigrations } from '@/lib/dfd/shapes/store-migrations'
import { STORE_SHAPE_DEFAULTS, STORE_SHAPE_TYPE, type StoreShape, storeShapeProps } from '@/lib/dfd/shapes/store-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import { DfdElementView } from '../shared/DfdElementView'

/**
 * Data store: two horizontal lines (an open-sided rectangle), by DFD convention. The geometry is
 * the whole filled box, so a click between the lines selects it and flows bind to its sides.
 */
export class StoreShapeUtil extends DfdBoxShapeUtil<StoreShape> {
	static override type = STORE_SHAPE_TYPE
	static override props = storeShapeProps
	static override migrations = storeShapeMigrations

	override getDefaultProps(): StoreShape['props'] {
		return { ...STORE_SHAPE_DEFAULTS }
	}

	override getGeometry(shape: StoreShape): Geometry2d {
		return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: StoreShape) {
		const { w, h } = shape.props
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="corner"
				textInset={{ x: 6, y: 14 }}
				renderFill={(attrs) => <rect {...attrs} width={w} height={h} />}
				strokes={
					<>
						<line x1={0} y1={0} x2={w} y2={0} />
						<line x1={0} y1={h} x2={w} y2={h} />
					</>
				}
			/>
		)
	}

	override getIndicatorPath(shape: StoreShape) {
		const path = new Path2D()
		path.rect(0, 0, shape.props.w, shape.props.h)
		return path
	}
}
