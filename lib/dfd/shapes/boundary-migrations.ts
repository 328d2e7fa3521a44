import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { BOUNDARY_SHAPE_TYPE } from './boundary-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const boundaryShapeVersions = createShapePropsMigrationIds(BOUNDARY_SHAPE_TYPE, {})

export const boundaryShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
