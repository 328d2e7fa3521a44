import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'

export const REVIEW_EVENT_TYPE = 'review-event'

/** Where the threat model stands in its review, in the order a model usually goes through them. */
export const REVIEW_STATUSES = ['notStarted', 'inProgress', 'pendingReview', 'approved', 'rejected', 'closed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
	notStarted: 'Not started',
	inProgress: 'In progress',
	pendingReview: 'Pending review',
	approved: 'Approved',
	rejected: 'Rejected',
	closed: 'Closed',
}

export type ReviewEventId = RecordId<ReviewEventRecord>

/**
 * The facilitator sets the session's review status; each change is an append-only event stamped
 * by the room, so the report can say who approved the model and when. The room numbers the events
 * (`seq`, 0 until the room takes it) so the latest is the one in force even within one millisecond.
 */
export interface ReviewEventRecord extends BaseRecord<typeof REVIEW_EVENT_TYPE, ReviewEventId> {
	status: ReviewStatus
	seq: number
	at: number
	by: string
	byName: string
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[REVIEW_EVENT_TYPE]: ReviewEventRecord
	}
}

export const reviewEventRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<ReviewEventRecord>({
		id: recordIdValidator<ReviewEventId>(REVIEW_EVENT_TYPE),
		typeName: T.literal(REVIEW_EVENT_TYPE),
		status: T.literalEnum(...REVIEW_STATUSES),
		seq: T.positiveInteger,
		at: timestampValidator,
		by: boundedString(64),
		byName: boundedString(64),
	}),
}
