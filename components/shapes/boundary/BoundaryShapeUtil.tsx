import { Group2d, Polyline2d, Rectangle2d, Vec, type Geometry2d, type TLShapeUtilCanBindOpts } from 'tldraw'
import { boundaryShapeMigrations } from '@/lib/dfd/shapes/boundary-migrations'
import {
	BOUNDARY_SHAPE_DEFAULTS,
	BOUNDARY_SHAPE_TYPE,
	type BoundaryShape,
	boundaryShapeProps,
} from '@/lib/dfd/shapes/boundary-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import {
	BOUNDARY_HEADING_FONT_SIZE,
	BOUNDARY_HEADING_GAP,
	BOUNDARY_HEADING_HEIGHT,
	BOUNDARY_HEADING_INSET,
	BOUNDARY_HEADING_PADDING_X,
	boundaryHeadingParts,
	labelScaleForZoom,
} from './boundaryHeading'
import { type HeadingBox, BoundaryView } from './BoundaryView'

/**
 * Trust boundary: a dashed box with its heading at the top. It lives behind the elements it
 * encloses (see registerDfdSideEffects), and only its edge and heading are solid for hit-testing,
 * so a click in its empty inside goes to the canvas (brush selection) and never steals a shape's
 * selection. Flows pass over it: nothing binds to a boundary.
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
		const heading = this.getHeadingBox(shape)
		return new Group2d({
			children: [
				// The edge as an open polyline, not a hollow rectangle: tldraw treats the inside of a
				// closed outline as a hit for selected shapes and hitInside queries, and a click in a
				// boundary's empty inside must reach the canvas (brush, deselect) instead.
				new Polyline2d({
					points: [new Vec(0, 0), new Vec(w, 0), new Vec(w, h), new Vec(0, h), new Vec(0, 0)],
				}),
				new Rectangle2d({
					x: heading.x,
					y: heading.y,
					width: heading.width,
					height: heading.height,
					isFilled: true,
					excludeFromShapeBounds: true,
				}),
			],
		})
	}

	/**
	 * The heading tab in shape space, clamped to the box, and the scale it is drawn at: like the
	 * shapes' ID tags it grows when zoomed out. Reading the zoom here makes tldraw recompute the
	 * geometry (and re-render the shape) as the zoom changes, so hit area and drawing agree.
	 */
	getHeadingBox(shape: BoundaryShape): HeadingBox {
		const { w, h } = shape.props
		const { heading, name, suffix } = boundaryHeadingParts(shape.props)
		const text = [heading, name, suffix].filter(Boolean).join(BOUNDARY_HEADING_GAP)
		const measured = this.editor.textMeasure.measureText(text, {
			fontFamily: 'var(--tl-font-sans)',
			fontSize: BOUNDARY_HEADING_FONT_SIZE,
			fontWeight: 'bold',
			fontStyle: 'normal',
			lineHeight: 1.35,
			maxWidth: null,
			padding: '0px',
		})
		// Stay inside the box at any size (a boundary being drawn starts at 1×1): the geometry's
		// bounds must be the box's, or resizing and snapping measure the wrong rectangle.
		const scale = labelScaleForZoom(this.editor.getEfficientZoomLevel())
		const inset = Math.min(BOUNDARY_HEADING_INSET, w / 4, h / 4)
		return {
			x: inset,
			y: inset,
			width: Math.max(0.5, Math.min(w - 2 * inset, (measured.w + 2 * BOUNDARY_HEADING_PADDING_X) * scale)),
			height: Math.max(0.5, Math.min(h - 2 * inset, BOUNDARY_HEADING_HEIGHT * scale)),
			scale,
		}
	}

	override component(shape: BoundaryShape) {
		return <BoundaryView shape={shape} headingBox={this.getHeadingBox(shape)} />
	}

	override getIndicatorPath(shape: BoundaryShape) {
		const path = new Path2D()
		path.rect(0, 0, shape.props.w, shape.props.h)
		return path
	}
}
