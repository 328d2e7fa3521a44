import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'

export const PROCESS_SHAPE_TYPE = DFD_SHAPE_TYPES.process

/** The rights a process runs with; elevated and system processes reachable from a lower trust zone invite elevation of privilege. */
export const PRIVILEGE_LEVELS = ['standard', 'elevated', 'system'] as const
export type PrivilegeLevel = (typeof PRIVILEGE_LEVELS)[number]
export const privilegeLevelValidator = T.literalEnum(...PRIVILEGE_LEVELS)

export interface ProcessShapeProps extends DfdElementCommonProps {
	privilegeLevel: PrivilegeLevel
	isWebApplication: boolean
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
}

export const PROCESS_SHAPE_DEFAULTS: ProcessShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 120,
	h: 120,
	name: 'Process',
	privilegeLevel: 'standard',
	isWebApplication: false,
}
