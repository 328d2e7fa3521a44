import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator, shapeIdValidator } from './recordIds'

export const PARKED_QUESTION_TYPE = 'parked-question'

/**
 * What a parked "What if…?" became: an assumption or an out-of-scope note (scope items), a threat,
 * or nothing (dismissed, with a reason).
 */
export const PARKED_RESOLUTIONS = ['assumption', 'outOfScope', 'threat', 'dismissed'] as const
export type ParkedResolution = (typeof PARKED_RESOLUTIONS)[number]

export const PARKED_QUESTION_MAX = 500
export const PARKED_REASON_MAX = 500

export type ParkedQuestionId = RecordId<ParkedQuestionRecord>

/**
 * A question parked during the walk so the hour keeps moving. Anyone who writes parks one; the
 * facilitator resolves it, and the record keeps the id of what it became.
 */
export interface ParkedQuestionRecord extends BaseRecord<typeof PARKED_QUESTION_TYPE, ParkedQuestionId> {
	question: string
	/** The element in focus when it was parked, if any. */
	shapeId: TLShapeId | null
	askedBy: string
	askedByName: string
	askedAt: number
	/** null while parked. */
	resolution: ParkedResolution | null
	/** The scope item or threat it became; null while parked or when dismissed. */
	resolvedTo: string | null
	/** Why it was dismissed; '' otherwise. */
	reason: string
	resolvedBy: string
	resolvedByName: string
	/** 0 while parked. */
	resolvedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[PARKED_QUESTION_TYPE]: ParkedQuestionRecord
	}
}

export const parkedQuestionRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<ParkedQuestionRecord>({
		id: recordIdValidator<ParkedQuestionId>(PARKED_QUESTION_TYPE),
		typeName: T.literal(PARKED_QUESTION_TYPE),
		question: boundedString(PARKED_QUESTION_MAX, { min: 1 }),
		shapeId: shapeIdValidator.nullable(),
		askedBy: boundedString(64),
		askedByName: boundedString(64),
		askedAt: timestampValidator,
		resolution: T.literalEnum(...PARKED_RESOLUTIONS).nullable(),
		resolvedTo: boundedString(220).nullable(),
		reason: boundedString(PARKED_REASON_MAX),
		resolvedBy: boundedString(64),
		resolvedByName: boundedString(64),
		resolvedAt: timestampValidator,
	}),
}
