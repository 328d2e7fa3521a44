import type { TLRecord } from '@tldraw/tlschema'
import type { TLRecordAuthorizer } from '@tldraw/sync-core'
import type { Person } from '../protocol/customMessages'
import { isFacilitator, isValid, type Rule, type SessionAuthorizerDeps, unchanged } from './authorizeSessionRecords'
import { METADATA_ENTRIES_MAX, metadataEntryIdFor, metadataEntryRecordConfig, type MetadataEntryRecord } from './records/metadataEntryRecord'
import { reviewEventRecordConfig, type ReviewEventRecord } from './records/reviewEventRecord'
import { REJECTION_REASON as REASON } from './rejectionReasons'

// Who may tag the model with key=value metadata, and who sets its review status.
// Metadata is written like the notebook's notes: everyone who analyses — the facilitator and the
// participants — adds, changes and removes any entry; the product owner decides risks and, like
// observers, only reads it. The review status is the facilitator's alone, and unlike every other
// workshop record it may be set after the session has ended: a model is reviewed once drawn.

/** The allocator's counter keys: metadata entries ever created, and review events in order. */
export const METADATA_COUNTER = 'METADATA'
export const REVIEW_COUNTER = 'REVIEW'

const METADATA_FIXED = ['target', 'key', 'createdBy', 'createdByName', 'createdAt'] as const

function metadataEntryRule(deps: SessionAuthorizerDeps): Rule<MetadataEntryRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (role !== 'facilitator' && role !== 'participant') return REASON.metadata
		if (write.type === 'delete') return write.prev
		const { next } = write
		if (next.id !== metadataEntryIdFor(next.target, next.key)) return REASON.metadataId
		if (write.type === 'update') return unchanged(write.prev, next, METADATA_FIXED) ? next : REASON.metadataStamped
		if (!isValid(metadataEntryRecordConfig.validator, next)) return next
		// Counted on create and never given back: a bound the room keeps without reading the store.
		if (deps.allocator.next(METADATA_COUNTER) > METADATA_ENTRIES_MAX) return REASON.metadataFull
		return { ...next, createdBy: userId, createdByName: name, createdAt: deps.now() }
	}
}

function reviewEventRule(deps: SessionAuthorizerDeps): Rule<ReviewEventRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (role === 'observer') return REASON.observer
		if (!isFacilitator(role)) return REASON.review
		if (write.type !== 'create') return REASON.reviewHistory
		// tldraw validates after this returns; an invalid event must not spend a number.
		if (!isValid(reviewEventRecordConfig.validator, write.next)) return write.next
		return { ...write.next, seq: deps.allocator.next(REVIEW_COUNTER), at: deps.now(), by: userId, byName: name }
	}
}

type Guard = <R extends TLRecord>(rule: Rule<R>) => TLRecordAuthorizer<R, Person>

/**
 * Metadata behind the room's usual guard (observers and ended sessions refused); the review status
 * behind `reporting` only, which reports a refusal but lets an ended session be reviewed.
 */
export function metadataAndReviewRules(deps: SessionAuthorizerDeps, guarded: Guard, reporting: Guard) {
	return {
		'metadata-entry': guarded(metadataEntryRule(deps)),
		'review-event': reporting(reviewEventRule(deps)),
	}
}
