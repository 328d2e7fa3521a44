import { METADATA_ENTRY_TYPE, metadataEntryIdFor, type MetadataEntryRecord, type MetadataTarget } from './records/metadataEntryRecord'
import { REVIEW_EVENT_TYPE, type ReviewEventId, type ReviewEventRecord, type ReviewStatus } from './records/reviewEventRecord'

// The metadata and review records the panel writes. Stamped fields go out as placeholders (the
// room overwrites them on create, authorizeMetadataAndReview.ts); on update only the value changes.

/** A new entry, or the stored one with its new value: one record per target and key. */
export function metadataEntry(target: MetadataTarget, key: string, value: string, stored?: MetadataEntryRecord): MetadataEntryRecord {
	if (stored) return { ...stored, value: value.trim() }
	return {
		id: metadataEntryIdFor(target, key),
		typeName: METADATA_ENTRY_TYPE,
		target,
		key,
		value: value.trim(),
		createdBy: '',
		createdByName: '',
		createdAt: 0,
	}
}

export function reviewEvent(status: ReviewStatus, newId: () => string): ReviewEventRecord {
	return {
		id: `${REVIEW_EVENT_TYPE}:${newId()}` as ReviewEventId,
		typeName: REVIEW_EVENT_TYPE,
		status,
		seq: 0,
		at: 0,
		by: '',
		byName: '',
	}
}
