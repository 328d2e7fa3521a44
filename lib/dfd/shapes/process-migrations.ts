import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { PROCESS_SHAPE_TYPE } from './process-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const processShapeVersions = createShapePropsMigrationIds(PROCESS_SHAPE_TYPE, {})

export const processShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
