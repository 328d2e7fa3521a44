import type { RecordProps, TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DFD_SHAPE_TYPES } from '../elementKinds'
import { DFD_ELEMENT_COMMON_DEFAULTS, type DfdElementCommonProps, dfdElementCommonProps } from './commonProps'

export const BOUNDARY_SHAPE_TYPE = DFD_SHAPE_TYPES.boundary

/** 0 = the internet … 5 = the most trusted zone (e.g. a PCI cardholder data environment). */
export const TRUST_ZONE_MIN = 0
export const TRUST_ZONE_MAX = 5

export const TRUST_ZONE_LABELS: Record<number, string> = {
	0: 'Internet',
	1: 'Partner / DMZ edge',
	2: 'DMZ',
	3: 'Internal',
	4: 'Restricted',
	5: 'Most trusted',
}

export interface BoundaryShapeProps extends DfdElementCommonProps {
	trustZone: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalShapePropsMap {
		[BOUNDARY_SHAPE_TYPE]: BoundaryShapeProps
	}
}

export type BoundaryShape = TLShape<typeof BOUNDARY_SHAPE_TYPE>

const trustZoneValidator = T.integer.check((value) => {
	if (value < TRUST_ZONE_MIN || value > TRUST_ZONE_MAX) {
		throw new T.ValidationError(`Expected a trust zone from ${TRUST_ZONE_MIN} to ${TRUST_ZONE_MAX}, got ${value}`)
	}
})

export const boundaryShapeProps: RecordProps<BoundaryShape> = {
	...dfdElementCommonProps,
	trustZone: trustZoneValidator,
}

export const BOUNDARY_SHAPE_DEFAULTS: BoundaryShapeProps = {
	...DFD_ELEMENT_COMMON_DEFAULTS,
	w: 420,
	h: 300,
	name: 'Trust boundary',
	trustZone: 3,
}
