import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { MULTIPROCESS_SHAPE_TYPE } from './multiprocess-props'

/** Append a step (with up and down) for every change to the props; never edit a shipped step. */
export const multiprocessShapeVersions = createShapePropsMigrationIds(MULTIPROCESS_SHAPE_TYPE, { AddAiModel: 1 })

export const multiprocessShapeMigrations = createShapePropsMigrationSequence({
	sequence: [
		{
			id: multiprocessShapeVersions.AddAiModel,
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
