import { Ellipse2d, type Geometry2d } from 'tldraw'
import { multiprocessShapeMigrations } from '@/lib/dfd/shapes/multiprocess-migrations'
import {
	MULTIPROCESS_SHAPE_DEFAULTS,
	MULTIPROCESS_SHAPE_TYPE,
	type MultiprocessShape,
	multiprocessShapeProps,
} from '@/lib/dfd/shapes/multiprocess-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import { DfdElementView } from '../shared/DfdElementView'
import { ellipsePath, inscribedTextInset } from '../shared/ellipse'

/** Gap between the two rings of a multi-process, in page units. */
const RING_GAP = 6

/** Multi-process (several services drawn as one): a double circle, by DFD convention. */
export class MultiprocessShapeUtil extends DfdBoxShapeUtil<MultiprocessShape> {
	static override type = MULTIPROCESS_SHAPE_TYPE
	static override props = multiprocessShapeProps
	static override migrations = multiprocessShapeMigrations

	override getDefaultProps(): MultiprocessShape['props'] {
		return { ...MULTIPROCESS_SHAPE_DEFAULTS }
	}

	/** A process is a circle by convention; resizing keeps it one. */
	override isAspectRatioLocked(): boolean {
		return true
	}

	override getGeometry(shape: MultiprocessShape): Geometry2d {
		return new Ellipse2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: MultiprocessShape) {
		const { w, h } = shape.props
		const outer = { cx: w / 2, cy: h / 2, rx: w / 2, ry: h / 2 }
		const inner = { ...outer, rx: Math.max(1, w / 2 - RING_GAP), ry: Math.max(1, h / 2 - RING_GAP) }
		const inset = inscribedTextInset(w - 2 * RING_GAP, h - 2 * RING_GAP)
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="top"
				textInset={{ x: inset.x + RING_GAP, y: inset.y + RING_GAP }}
				renderFill={(attrs) => <ellipse {...attrs} {...outer} />}
				strokes={
					<>
						<ellipse {...outer} />
						<ellipse {...inner} />
					</>
				}
			/>
		)
	}

	override getIndicatorPath(shape: MultiprocessShape) {
		return ellipsePath(shape.props.w, shape.props.h)
	}
}
