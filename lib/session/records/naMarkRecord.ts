import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { idBody, recordIdValidator, shapeIdValidator } from './recordIds'

export const NA_MARK_TYPE = 'na-mark'
export const NA_REASON_MAX = 500

export type NaMarkId = RecordId<NaMarkRecord>

/** "No threat / not applicable" for one category on one element, with the reason the group gave. */
export interface NaMarkRecord extends BaseRecord<typeof NA_MARK_TYPE, NaMarkId> {
	shapeId: TLShapeId
	category: string
	reason: string
	markedBy: string
	markedByName: string
	markedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[NA_MARK_TYPE]: NaMarkRecord
	}
}

export function naMarkIdFor(shapeId: TLShapeId, category: string): NaMarkId {
	return `${NA_MARK_TYPE}:${idBody(shapeId)}~${category}` as NaMarkId
}

export const naMarkRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<NaMarkRecord>({
		id: recordIdValidator<NaMarkId>(NA_MARK_TYPE),
		typeName: T.literal(NA_MARK_TYPE),
		shapeId: shapeIdValidator,
		category: boundedString(32, { min: 1 }),
		reason: boundedString(NA_REASON_MAX, { min: 1 }),
		markedBy: boundedString(64),
		markedByName: boundedString(64),
		markedAt: timestampValidator,
	}),
}
