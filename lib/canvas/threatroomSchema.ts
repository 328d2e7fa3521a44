import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema'
import { DFD_SHAPE_TYPES } from '../dfd/elementKinds'
import { arrowMetaValidators } from '../dfd/flowMeta'
import { boundaryShapeMigrations } from '../dfd/shapes/boundary-migrations'
import { boundaryShapeProps } from '../dfd/shapes/boundary-props'
import { entityShapeMigrations } from '../dfd/shapes/entity-migrations'
import { entityShapeProps } from '../dfd/shapes/entity-props'
import { multiprocessShapeMigrations } from '../dfd/shapes/multiprocess-migrations'
import { multiprocessShapeProps } from '../dfd/shapes/multiprocess-props'
import { processShapeMigrations } from '../dfd/shapes/process-migrations'
import { processShapeProps } from '../dfd/shapes/process-props'
import { storeShapeMigrations } from '../dfd/shapes/store-migrations'
import { storeShapeProps } from '../dfd/shapes/store-props'
import { threatMitigationsMigrations } from '../session/records/threatMitigationsMigration'
import { threatTriageMigrations } from '../session/records/threatTriageMigration'
import { sessionRecords } from '../session/sessionRecords'

/** The DFD shapes as the schema needs them: props validators and migrations, no React. */
const dfdShapeSchemas = {
	[DFD_SHAPE_TYPES.entity]: { props: entityShapeProps, migrations: entityShapeMigrations },
	[DFD_SHAPE_TYPES.process]: { props: processShapeProps, migrations: processShapeMigrations },
	[DFD_SHAPE_TYPES.multiprocess]: { props: multiprocessShapeProps, migrations: multiprocessShapeMigrations },
	[DFD_SHAPE_TYPES.store]: { props: storeShapeProps, migrations: storeShapeMigrations },
	[DFD_SHAPE_TYPES.boundary]: { props: boundaryShapeProps, migrations: boundaryShapeMigrations },
}

/**
 * The one schema of a Threatroom canvas: the browser syncs with it and the room validates every
 * record it receives against it, so a custom shape is never stored unchecked.
 */
export const threatroomSchema = createTLSchema({
	shapes: {
		...defaultShapeSchemas,
		arrow: { ...defaultShapeSchemas.arrow, meta: arrowMetaValidators },
		...dfdShapeSchemas,
	},
	bindings: defaultBindingSchemas,
	records: sessionRecords,
	migrations: [threatMitigationsMigrations, threatTriageMigrations],
})
