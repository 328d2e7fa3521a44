import { BaseBoxShapeTool, type TLStateNodeConstructor } from 'tldraw'
import { DFD_SHAPE_TYPES } from '@/lib/dfd/elementKinds'

/*
 * One box tool per DFD element: click for a default-size element, drag to size it. The tool id is
 * the shape type, so the toolbar, shortcuts and `editor.setCurrentTool('dfd-process')` agree.
 */

class EntityShapeTool extends BaseBoxShapeTool {
	static override id = DFD_SHAPE_TYPES.entity
	override shapeType = DFD_SHAPE_TYPES.entity
}

class ProcessShapeTool extends BaseBoxShapeTool {
	static override id = DFD_SHAPE_TYPES.process
	override shapeType = DFD_SHAPE_TYPES.process
}

class MultiprocessShapeTool extends BaseBoxShapeTool {
	static override id = DFD_SHAPE_TYPES.multiprocess
	override shapeType = DFD_SHAPE_TYPES.multiprocess
}

class StoreShapeTool extends BaseBoxShapeTool {
	static override id = DFD_SHAPE_TYPES.store
	override shapeType = DFD_SHAPE_TYPES.store
}

class BoundaryShapeTool extends BaseBoxShapeTool {
	static override id = DFD_SHAPE_TYPES.boundary
	override shapeType = DFD_SHAPE_TYPES.boundary
}

export const dfdTools: TLStateNodeConstructor[] = [EntityShapeTool, ProcessShapeTool, MultiprocessShapeTool, StoreShapeTool, BoundaryShapeTool]
