import type { ReactNode } from 'react'
import { Rectangle2d, type Geometry2d } from 'tldraw'
import { DfdBoxShapeUtil, type DfdElementShape } from './DfdBoxShapeUtil'
import { DfdElementView } from './DfdElementView'

/**
 * Elements whose body is their whole box (entity, store): filled, hit-tested and outlined as a
 * rectangle, the ID tag in the corner. Only the strokes of the DFD symbol differ.
 */
export abstract class RectElementShapeUtil<S extends DfdElementShape> extends DfdBoxShapeUtil<S> {
	/** The symbol's strokes in a w×h box. */
	abstract renderStrokes(w: number, h: number): ReactNode

	override getGeometry(shape: S): Geometry2d {
		return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: S) {
		const { w, h } = shape.props
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="corner"
				textInset={{ x: 6, y: 14 }}
				renderFill={(attrs) => <rect {...attrs} width={w} height={h} />}
				strokes={this.renderStrokes(w, h)}
			/>
		)
	}

	override getIndicatorPath(shape: S) {
		const path = new Path2D()
		path.rect(0, 0, shape.props.w, shape.props.h)
		return path
	}
}
