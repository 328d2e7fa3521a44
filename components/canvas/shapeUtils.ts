import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { BoundaryShapeUtil } from '@/components/shapes/boundary/BoundaryShapeUtil'
import { EntityShapeUtil } from '@/components/shapes/entity/EntityShapeUtil'
import { MultiprocessShapeUtil } from '@/components/shapes/multiprocess/MultiprocessShapeUtil'
import { ProcessShapeUtil } from '@/components/shapes/process/ProcessShapeUtil'
import { StoreShapeUtil } from '@/components/shapes/store/StoreShapeUtil'
import '@/components/shapes/dfdShapes.css'

/**
 * The DFD shapes the browser draws. Their props and migrations come from lib/dfd/shapes, the
 * same ones lib/canvas/threatroomSchema.ts gives the room, so both ends validate alike.
 */
export const dfdShapeUtils: TLAnyShapeUtilConstructor[] = [EntityShapeUtil, ProcessShapeUtil, MultiprocessShapeUtil, StoreShapeUtil, BoundaryShapeUtil]
