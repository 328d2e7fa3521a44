import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { STORE_SHAPE_TYPE } from './store-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const storeShapeVersions = createShapePropsMigrationIds(STORE_SHAPE_TYPE, {})

export const storeShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
