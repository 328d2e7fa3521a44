import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'

export const PROCESS_SHAPE_TYPE = DFD_SHAPE_TYPES.process

/** The rights a process runs with; elevated and system processes reachable from a lower trust zone invite elevation of privilege. */
export const PRIVILEGE_LEVELS = ['standard', 'elevated', 'system'] as const
export type PrivilegeLevel = (typeof PRIVILEGE_LEVELS)[number]
export const privilegeLevelValidator = T.literalEnum(...PRIVILEGE_LEVELS)

/**
 * Whether the process trains or runs an AI model. Three answers, not a checkbox: PLOT4ai asks about
 * every process until someone says "no", while the AI suggestion rules wait for a "yes".
 */
export const AI_MODEL_ANSWERS = ['unknown', 'yes', 'no'] as const
export type AiModelAnswer = (typeof AI_MODEL_ANSWERS)[number]
export const aiModelValidator = T.literalEnum(...AI_MODEL_ANSWERS)
export const AI_MODEL_LABELS: Record<AiModelAnswer, string> = { unknown: 'Not said', yes: 'Yes', no: 'No' }

export interface ProcessShapeProps extends DfdElementCommonProps {
	privilegeLevel: PrivilegeLevel
	isWebApplication: boolean
	aiModel: AiModelAnswer
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalShapePropsMap {
		[PROCESS_SHAPE_TYPE]: ProcessShapeProps
	}
}

export type ProcessShape = TLShape<typeof PROCESS_SHAPE_TYPE>

export const processShapeProps: RecordProps<ProcessShape> = {
	...dfdElementCommonProps,
	privilegeLevel: privilegeLevelValidator,
	isWebApplication: T.boolean,
	aiModel: aiModelValidator,
}

export const PROCESS_SHAPE_DEFAULTS: ProcessShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 120,
	h: 120,
	name: 'Process',
	privilegeLevel: 'standard',
	isWebApplication: false,
	aiModel: 'unknown',
}
