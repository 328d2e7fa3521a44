import { T } from '@tldraw/validate'
import { descriptionValidator, humanIdValidator } from './shapes/commonProps'

export const PROTOCOL_MAX = 64

/**
 * A data flow is tldraw's arrow, so it gets bindings, routing and label editing for free; its DFD
 * properties ride in `meta.dfd`, validated by the room like any prop. The arrow's label is the
 * flow's name (the data it carries).
 */
export interface FlowMeta {
	humanId: string
	description: string
	outOfScope: boolean
	reasonOutOfScope: string
	protocol: string
	isEncrypted: boolean
	isPublicNetwork: boolean
	isBidirectional: boolean
}

const flowMetaValidator: T.Validator<FlowMeta> = T.object({
	humanId: humanIdValidator,
	description: descriptionValidator,
	outOfScope: T.boolean,
	reasonOutOfScope: descriptionValidator,
	protocol: T.string.check((value) => {
		if (value.length > PROTOCOL_MAX) {
			throw new T.ValidationError(`Expected a protocol of at most ${PROTOCOL_MAX} characters`)
		}
	}),
	isEncrypted: T.boolean,
	isPublicNetwork: T.boolean,
	isBidirectional: T.boolean,
})

export const FLOW_META_DEFAULTS: FlowMeta = {
	humanId: '',
	description: '',
	outOfScope: false,
	reasonOutOfScope: '',
	protocol: '',
	isEncrypted: false,
	isPublicNetwork: false,
	isBidirectional: false,
}

/**
 * Arrow meta as the schema sees it. `dfd` is optional so an arrow pasted from another tldraw board
 * still loads; such an arrow is treated as a flow with default properties and gets stamped.
 */
export const arrowMetaValidators = { dfd: flowMetaValidator.optional() }

/** The flow properties of an arrow, with defaults for an arrow that has none (or broken ones). */
export function flowMetaOf(meta: unknown): FlowMeta {
	if (typeof meta !== 'object' || meta === null || !('dfd' in meta)) return FLOW_META_DEFAULTS
	try {
		return flowMetaValidator.validate(meta.dfd)
	} catch {
		return FLOW_META_DEFAULTS
	}
}
