import type { HistoryAction } from '../session/records/historyEntryRecord'
import { type AnyRecord, type RenderContext, TRACKED_RECORDS, type TrackedRecordType } from './trackedRecords'

/** One committed write as the room's authorizers saw it: null `next` is a removal, null `prev` a creation. */
export interface RecordWrite {
	prev: AnyRecord | null
	next: AnyRecord | null
}

/** One line of history before it has an author, a time and a place in the log. */
export interface RecordChange {
	recordType: string
	recordId: string
	recordHumanId: string
	action: HistoryAction
	field: string
	oldValue: string
	newValue: string
}

function isDeleted(type: TrackedRecordType, record: AnyRecord): boolean {
	return type.deletedFlag !== undefined && Reflect.get(record, type.deletedFlag) === true
}

/**
 * What a write changed in the fields the history tracks (trackedRecords.ts): a create or delete
 * (a soft-deleting type's flag flip is a delete or restore), else one change per tracked field
 * whose rendered value differs. Empty for an untracked record and for a write that only moved,
 * resized or restyled it. Pure.
 */
export function recordChanges({ prev, next }: RecordWrite, context: RenderContext): RecordChange[] {
	const record = next ?? prev
	if (!record) return []
	const type = TRACKED_RECORDS.get(record.typeName)
	if (!type?.tracks(record)) return []
	const base = { recordType: type.typeName, recordId: record.id, recordHumanId: type.humanId(record), field: '' }
	if (!prev) return [{ ...base, action: 'create', oldValue: '', newValue: type.title(record, context) }]
	if (!next) return [{ ...base, action: 'delete', oldValue: type.title(prev, context), newValue: '' }]
	// An element the room only just numbered: its first tracked write is its creation.
	if (!type.tracks(prev)) return [{ ...base, action: 'create', oldValue: '', newValue: type.title(next, context) }]
	const changes: RecordChange[] = type.fields.flatMap((field): RecordChange[] => {
		const oldValue = field.read(prev, context)
		const newValue = field.read(next, context)
		if (oldValue === newValue || (oldValue === undefined && newValue === undefined)) return []
		return [{ ...base, action: 'update', field: field.key, oldValue: oldValue ?? '', newValue: newValue ?? '' }]
	})
	const wasDeleted = isDeleted(type, prev)
	if (wasDeleted !== isDeleted(type, next)) {
		const flip: RecordChange = wasDeleted
			? { ...base, action: 'restore', oldValue: '', newValue: type.title(next, context) }
			: { ...base, action: 'delete', oldValue: type.title(prev, context), newValue: '' }
		changes.push(flip)
	}
	return changes
}

/**
 * The tracked state of a record, to tell whether a write the authorizers allowed is what the
 * store holds now (the push was committed) or not (it was rolled back with the rest of its push).
 */
export function trackedState(record: AnyRecord | undefined, context: RenderContext): string {
	if (!record) return ''
	const type = TRACKED_RECORDS.get(record.typeName)
	if (!type) return ''
	return JSON.stringify([type.tracks(record), isDeleted(type, record), ...type.fields.map((field) => field.read(record, context) ?? null)])
}
