import { T } from '@tldraw/validate'
import { boundedString } from '../../recordFields/recordValidators'

export const NAME_MAX = 256
export const DESCRIPTION_MAX = 1024

const dimension = T.number.check((value) => {
	if (!Number.isFinite(value) || value < 1 || value > 100_000) {
		throw new T.ValidationError(`Expected a size between 1 and 100000, got ${value}`)
	}
})

/** '' until the room stamps it (see humanIds.ts); the room never lets a client change it afterwards. */
export const humanIdValidator = T.string.check((value) => {
	if (value !== '' && !/^(EE|P|MP|DS|DF|TB)[1-9]\d{0,6}$/.test(value)) {
		throw new T.ValidationError(`Expected a human ID such as P1, got ${JSON.stringify(value)}`)
	}
})

const nameValidator = boundedString(NAME_MAX)
export const descriptionValidator = boundedString(DESCRIPTION_MAX)

/** Props every DFD element shape carries; the per-kind files add their own. */
export const dfdElementCommonProps = {
	w: dimension,
	h: dimension,
	humanId: humanIdValidator,
	name: nameValidator,
	description: descriptionValidator,
	outOfScope: T.boolean,
	reasonOutOfScope: descriptionValidator,
}

export interface DfdElementCommonProps {
	w: number
	h: number
	humanId: string
	name: string
	description: string
	outOfScope: boolean
	reasonOutOfScope: string
}

export const DFD_ELEMENT_COMMON_DEFAULTS: Omit<DfdElementCommonProps, 'w' | 'h'> = {
	humanId: '',
	name: '',
	description: '',
	outOfScope: false,
	reasonOutOfScope: '',
}
