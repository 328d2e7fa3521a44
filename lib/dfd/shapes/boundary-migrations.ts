import { createShapePropsMigrationSequence } from '@tldraw/tlschema'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const boundaryShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
