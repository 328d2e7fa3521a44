import type { ReactNode } from 'react'
import { Ellipse2d, type Geometry2d } from 'tldraw'
import { DfdBoxShapeUtil, type DfdElementShape } from './DfdBoxShapeUtil'
import { DfdElementView } from './DfdElementView'
import { ellipsePath, inscribedTextInset } from './ellipse'

/** The ellipse filling a w×h box, as SVG attributes. */
export interface EllipseOutline {
	cx: number
	cy: number
	rx: number
	ry: number
}

/**
 * Process-like elements (process, multi-process): a circle whose outline flows bind to, the ID tag
 * on top and the name inside the circle. Only the strokes (and what they leave for text) differ.
 */
export abstract class RoundElementShapeUtil<S extends DfdElementShape> extends DfdBoxShapeUtil<S> {
	/** The symbol's strokes around the outer outline, which is also the body fill. */
	abstract renderStrokes(outline: EllipseOutline): ReactNode

	/** Where the name may go in a w×h box: by default the box inscribed in the circle. */
	getTextInset(w: number, h: number): { x: number; y: number } {
		return inscribedTextInset(w, h)
	}

	/** A process is a circle by convention; resizing keeps it one. */
	override isAspectRatioLocked(): boolean {
		return true
	}

	override getGeometry(shape: S): Geometry2d {
		return new Ellipse2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: S) {
		const { w, h } = shape.props
		const outline: EllipseOutline = { cx: w / 2, cy: h / 2, rx: w / 2, ry: h / 2 }
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="top"
				textInset={this.getTextInset(w, h)}
				renderFill={(attrs) => <ellipse {...attrs} {...outline} />}
				strokes={this.renderStrokes(outline)}
			/>
		)
	}

	override getIndicatorPath(shape: S) {
		return ellipsePath(shape.props.w, shape.props.h)
	}
}
