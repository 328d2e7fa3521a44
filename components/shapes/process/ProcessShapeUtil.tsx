import { processShapeMigrations } from '@/lib/dfd/shapes/process-migrations'
import { PROCESS_SHAPE_DEFAULTS, PROCESS_SHAPE_TYPE, type ProcessShape, processShapeProps } from '@/lib/dfd/shapes/process-props'
import { type EllipseOutline, RoundElementShapeUtil } from '../shared/RoundElementShapeUtil'

/** Process: a circle, by DFD convention; flows bind to its outline. */
export class ProcessShapeUtil extends RoundElementShapeUtil<ProcessShape> {
	static override type = PROCESS_SHAPE_TYPE
	static override props = processShapeProps
	static override migrations = processShapeMigrations

	override getDefaultProps(): ProcessShape['props'] {
		return { ...PROCESS_SHAPE_DEFAULTS }
	}

	override renderStrokes(outline: EllipseOutline) {
		return <ellipse {...outline} />
	}
}
