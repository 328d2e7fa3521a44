import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'

export const STORE_SHAPE_TYPE = DFD_SHAPE_TYPES.store

export interface StoreShapeProps extends DfdElementCommonProps {
	storesCredentials: boolean
	/** A log or audit trail: the one kind of store where repudiation applies. */
	isALog: boolean
	isEncrypted: boolean
	isSigned: boolean
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalShapePropsMap {
		[STORE_SHAPE_TYPE]: StoreShapeProps
	}
}

export type StoreShape = TLShape<typeof STORE_SHAPE_TYPE>

export const storeShapeProps: RecordProps<StoreShape> = {
	...dfdElementCommonProps,
	storesCredentials: T.boolean,
	isALog: T.boolean,
	isEncrypted: T.boolean,
	isSigned: T.boolean,
}

export const STORE_SHAPE_DEFAULTS: StoreShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 160,
	h: 70,
	name: 'Data store',
	storesCredentials: false,
	isALog: false,
	isEncrypted: false,
	isSigned: false,
}
