import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { ENTITY_SHAPE_TYPE } from './entity-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const entityShapeVersions = createShapePropsMigrationIds(ENTITY_SHAPE_TYPE, {})

export const entityShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
