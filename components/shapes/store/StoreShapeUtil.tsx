import { storeShapeMigrations } from '@/lib/dfd/shapes/store-migrations'
import { STORE_SHAPE_DEFAULTS, STORE_SHAPE_TYPE, type StoreShape, storeShapeProps } from '@/lib/dfd/shapes/store-props'
import { RectElementShapeUtil } from '../shared/RectElementShapeUtil'

/**
 * Data store: two horizontal lines (an open-sided rectangle), by DFD convention. The geometry is
 * the whole filled box, so a click between the lines selects it and flows bind to its sides.
 */
export class StoreShapeUtil extends RectElementShapeUtil<StoreShape> {
	static override type = STORE_SHAPE_TYPE
	static override props = storeShapeProps
	static override migrations = storeShapeMigrations

	override getDefaultProps(): StoreShape['props'] {
		return { ...STORE_SHAPE_DEFAULTS }
	}

	override renderStrokes(w: number, h: number) {
		return (
			<>
				<line x1={0} y1={0} x2={w} y2={0} />
				<line x1={0} y1={h} x2={w} y2={h} />
			</>
		)
	}
}
