import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'
import { type AiModelAnswer, aiModelValidator, type PrivilegeLevel, privilegeLevelValidator } from './process-props'

export const MULTIPROCESS_SHAPE_TYPE = DFD_SHAPE_TYPES.multiprocess

/** A group of services drawn as one for now; it takes the process row of every framework. */
export interface MultiprocessShapeProps extends DfdElementCommonProps {
	privilegeLevel: PrivilegeLevel
	isWebApplication: boolean
	aiModel: AiModelAnswer
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalShapePropsMap {
		[MULTIPROCESS_SHAPE_TYPE]: MultiprocessShapeProps
	}
}

export type MultiprocessShape = TLShape<typeof MULTIPROCESS_SHAPE_TYPE>

export const multiprocessShapeProps: RecordProps<MultiprocessShape> = {
	...dfdElementCommonProps,
	privilegeLevel: privilegeLevelValidator,
	isWebApplication: T.boolean,
	aiModel: aiModelValidator,
}

export const MULTIPROCESS_SHAPE_DEFAULTS: MultiprocessShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 130,
	h: 130,
	name: 'Services',
	privilegeLevel: 'standard',
	isWebApplication: false,
	aiModel: 'unknown',
}
