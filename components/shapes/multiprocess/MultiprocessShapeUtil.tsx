import { multiprocessShapeMigrations } from '@/lib/dfd/shapes/multiprocess-migrations'
import { MULTIPROCESS_SHAPE_DEFAULTS, MULTIPROCESS_SHAPE_TYPE, type MultiprocessShape, multiprocessShapeProps } from '@/lib/dfd/shapes/multiprocess-props'
import { inscribedTextInset } from '../shared/ellipse'
import { type EllipseOutline, RoundElementShapeUtil } from '../shared/RoundElementShapeUtil'

/** Gap between the two rings of a multi-process, in page units. */
const RING_GAP = 6

/** Multi-process (several services drawn as one): a double circle, by DFD convention. */
export class MultiprocessShapeUtil extends RoundElementShapeUtil<MultiprocessShape> {
	static override type = MULTIPROCESS_SHAPE_TYPE
	static override props = multiprocessShapeProps
	static override migrations = multiprocessShapeMigrations

	override getDefaultProps(): MultiprocessShape['props'] {
		return { ...MULTIPROCESS_SHAPE_DEFAULTS }
	}

	/** The name stays inside the inner ring. */
	override getTextInset(w: number, h: number) {
		const inset = inscribedTextInset(w - 2 * RING_GAP, h - 2 * RING_GAP)
		return { x: inset.x + RING_GAP, y: inset.y + RING_GAP }
	}

	override renderStrokes(outer: EllipseOutline) {
		const inner = { ...outer, rx: Math.max(1, outer.rx - RING_GAP), ry: Math.max(1, outer.ry - RING_GAP) }
		return (
			<>
				<ellipse {...outer} />
				<ellipse {...inner} />
			</>
		)
	}
}
