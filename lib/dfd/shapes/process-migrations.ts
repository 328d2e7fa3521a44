import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { PROCESS_SHAPE_TYPE } from './process-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const processShapeVersions = createShapePropsMigrationIds(PROCESS_SHAPE_TYPE, { AddAiModel: 1 })

export const processShapeMigrations = createShapePropsMigrationSequence({
	sequence: [
		{
			id: processShapeVersions.AddAiModel,
			// Nobody was asked before: "unknown" keeps PLOT4ai asking about the process, as it did.
			up: (props) => {
				props.aiModel = 'unknown'
			},
			down: (props) => {
				delete props.aiModel
			},
		},
	],
})
