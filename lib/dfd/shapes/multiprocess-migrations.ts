import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { MULTIPROCESS_SHAPE_TYPE } from './multiprocess-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const multiprocessShapeVersions = createShapePropsMigrationIds(MULTIPROCESS_SHAPE_TYPE, {})

export const multiprocessShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
