import { Ellipse2d, type Geometry2d } from 'tldraw'
import { processShapeMigrations } from '@/lib/dfd/shapes/process-migrations'
import { PROCESS_SHAPE_DEFAULTS, PROCESS_SHAPE_TYPE, type ProcessShape, processShapeProps } from '@/lib/dfd/shapes/process-props'
import { DfdBoxShapeUtil } from '../shared/DfdBoxShapeUtil'
import { DfdElementView } from '../shared/DfdElementView'
import { ellipsePath, inscribedTextInset } from '../shared/ellipse'

/** Process: a circle, by DFD convention; flows bind to its outline. */
export class ProcessShapeUtil extends DfdBoxShapeUtil<ProcessShape> {
	static override type = PROCESS_SHAPE_TYPE
	static override props = processShapeProps
	static override migrations = processShapeMigrations

	override getDefaultProps(): ProcessShape['props'] {
		return { ...PROCESS_SHAPE_DEFAULTS }
	}

	/** A process is a circle by convention; resizing keeps it one. */
	override isAspectRatioLocked(): boolean {
		return true
	}

	override getGeometry(shape: ProcessShape): Geometry2d {
		return new Ellipse2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
	}

	override component(shape: ProcessShape) {
		const { w, h } = shape.props
		const ellipse = { cx: w / 2, cy: h / 2, rx: w / 2, ry: h / 2 }
		return (
			<DfdElementView
				shapeId={shape.id}
				props={shape.props}
				tagPlacement="top"
				textInset={inscribedTextInset(w, h)}
				renderFill={(attrs) => <ellipse {...attrs} {...ellipse} />}
				strokes={<ellipse {...ellipse} />}
			/>
		)
	}

	override getIndicatorPath(shape: ProcessShape) {
		return ellipsePath(shape.props.w, shape.props.h)
	}
}
