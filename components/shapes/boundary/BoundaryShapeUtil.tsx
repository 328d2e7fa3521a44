import { Polyline2d, Vec, type Geometry2d, type TLShapeUtilCanBindOpts } from 'tldraw'
import { boundaryShapeMigrations } from '@/lib/dfd/shapes/boundary-migrations'
import { BOUNDARY_SHAPE_DEFAULTS, BOUNDARY_SHAPE_TYPE, type BoundaryShape, boundaryShapeProps } from '@/lib/dfd/shapes/boundary-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import { BoundaryView } from './BoundaryView'

/**
 * Trust boundary: a dashed box with its heading on top. It lives behind the elements it encloses
 * (see registerDfdSideEffects), and only its edge is solid for hit-testing (the heading takes its
 * own presses, see BoundaryView), so a click in its empty inside goes to the canvas (brush
 * selection) and never steals a shape's selection. Flows pass over it: nothing binds to a boundary.
 */
export class BoundaryShapeUtil extends DfdBoxShapeUtil<BoundaryShape> {
	static override type = BOUNDARY_SHAPE_TYPE
	static override props = boundaryShapeProps
	static override migrations = boundaryShapeMigrations

	override getDefaultProps(): BoundaryShape['props'] {
		return { ...BOUNDARY_SHAPE_DEFAULTS }
	}

	override canBind(_opts: TLShapeUtilCanBindOpts<BoundaryShape>): boolean {
		return false
	}

	/** Clicking the empty inside of a selected boundary starts a brush, not a drag of the boundary. */
	override hideSelectionBoundsBg(): boolean {
		return true
	}

	override getGeometry(shape: BoundaryShape): Geometry2d {
		const { w, h } = shape.props
		// The edge as an open polyline, not a hollow rectangle: tldraw treats the inside of a closed
		// outline as a hit for selected shapes and hitInside queries, and a click in a boundary's
		// empty inside must reach the canvas (brush, deselect) instead.
		return new Polyline2d({ points: [new Vec(0, 0), new Vec(w, 0), new Vec(w, h), new Vec(0, h), new Vec(0, 0)] })
	}

	override component(shape: BoundaryShape) {
		return <BoundaryView shape={shape} />
	}

	override getIndicatorPath(shape: BoundaryShape) {
		const path = new Path2D()
		path.rect(0, 0, shape.props.w, shape.props.h)
		return path
	}
}
