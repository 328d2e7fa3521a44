import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { DISPLAY_NAME_MAX_LENGTH } from '@/lib/protocol/identity'
import { type Role, ROLES } from '@/lib/sessionEnums'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'

export const HISTORY_ENTRY_TYPE = 'history-entry'

/** What happened to the record: its fields changed, it was created, deleted, or (threats) restored. */
export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'restore'] as const
export type HistoryAction = (typeof HISTORY_ACTIONS)[number]

/** A rendered value is at most this long; a longer one is cut and ends in HISTORY_TRUNCATION_MARKER. */
export const HISTORY_VALUE_MAX = 300
/** A record's human ID as an entry keeps it. */
export const HISTORY_HUMAN_ID_MAX = 32
export const HISTORY_TRUNCATION_MARKER = ' […]'

export type HistoryEntryId = RecordId<HistoryEntryRecord>

/**
 * One change to a tracked workshop record (lib/history/trackedRecords.ts): who, when, which field,
 * old → new, as the room saw it. Written by the room only, right after the push it describes was
 * committed; clients read it and can neither add, change nor remove one. A burst of edits to one
 * field by one person is one entry (lib/history/historyLog.ts): `at` is the first edit, `lastAt`
 * the latest, `oldValue` stays what it was before the burst.
 */
export interface HistoryEntryRecord extends BaseRecord<typeof HISTORY_ENTRY_TYPE, HistoryEntryId> {
	/** 1, 2, 3…: the order the room took the changes in. */
	seq: number
	recordType: string
	recordId: string
	/** The record's human ID when it changed (T-007, P1, A2…); '' if it has none. */
	recordHumanId: string
	action: HistoryAction
	/** The tracked field's key for an update; '' for create, delete and restore. */
	field: string
	/** Rendered as the registry says, at most HISTORY_VALUE_MAX characters. */
	oldValue: string
	newValue: string
	by: string
	byName: string
	byRole: Role
	at: number
	lastAt: number
	/** How many writes this entry stands for (1 unless coalesced). */
	edits: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[HISTORY_ENTRY_TYPE]: HistoryEntryRecord
	}
}

/** Zero-padded so the ids sort in the order the room wrote them. */
export function historyEntryIdFor(seq: number): HistoryEntryId {
	return `${HISTORY_ENTRY_TYPE}:${String(seq).padStart(9, '0')}` as HistoryEntryId
}

const valueValidator = boundedString(HISTORY_VALUE_MAX)

export const historyEntryRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<HistoryEntryRecord>({
		id: recordIdValidator<HistoryEntryId>(HISTORY_ENTRY_TYPE),
		typeName: T.literal(HISTORY_ENTRY_TYPE),
		seq: T.positiveInteger,
		recordType: boundedString(32, { min: 1 }),
		recordId: boundedString(240, { min: 1 }),
		recordHumanId: boundedString(HISTORY_HUMAN_ID_MAX),
		action: T.literalEnum(...HISTORY_ACTIONS),
		field: boundedString(64),
		oldValue: valueValidator,
		newValue: valueValidator,
		by: boundedString(64, { min: 1 }),
		byName: boundedString(DISPLAY_NAME_MAX_LENGTH),
		byRole: T.literalEnum(...ROLES),
		at: timestampValidator,
		lastAt: timestampValidator,
		edits: T.positiveInteger,
	}),
}
