import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'

export const ENTITY_SHAPE_TYPE = DFD_SHAPE_TYPES.entity

export interface EntityShapeProps extends DfdElementCommonProps {
	/** The actor proves who it is to us (login, mTLS, signed requests). */
	providesAuthentication: boolean
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalShapePropsMap {
		[ENTITY_SHAPE_TYPE]: EntityShapeProps
	}
}

export type EntityShape = TLShape<typeof ENTITY_SHAPE_TYPE>

export const entityShapeProps: RecordProps<EntityShape> = {
	...dfdElementCommonProps,
	providesAuthentication: T.boolean,
}

export const ENTITY_SHAPE_DEFAULTS: EntityShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 160,
	h: 80,
	name: 'External entity',
	providesAuthentication: false,
}
