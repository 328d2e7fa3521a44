import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { idBody, recordIdValidator } from './recordIds'

export const METADATA_ENTRY_TYPE = 'metadata-entry'

/** Keys read like tags in a tracker: lower case, digits and `_ . -`, so `env=prod` filters the same everywhere. */
const METADATA_KEY_PATTERN = /^[a-z0-9_.-]{1,40}$/
export const METADATA_VALUE_MAX = 200
/** Entries a session may ever create (counted by the room, never given back): far beyond a workshop's needs. */
export const METADATA_ENTRIES_MAX = 5_000
/**
 * 'session', or the id of a shape or threat (`shape:…`, `threat:…`). Bounded so the entry's id
 * stays within what the change history stores of a record id (240).
 */
const TARGET_MAX = 160

const SESSION_TARGET = 'session'
export type MetadataTarget = string

export type MetadataEntryId = RecordId<MetadataEntryRecord>

/**
 * One key=value tag (`compliance=PCI`, `env=prod`) on the session, a DFD element or a threat. Its
 * own record type, so no other record changes shape: one record per target and key, the id says
 * which (metadataEntryIdFor), and a changed value is an update of that record.
 */
export interface MetadataEntryRecord extends BaseRecord<typeof METADATA_ENTRY_TYPE, MetadataEntryId> {
	target: MetadataTarget
	key: string
	value: string
	createdBy: string
	createdByName: string
	createdAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[METADATA_ENTRY_TYPE]: MetadataEntryRecord
	}
}

export function isMetadataKey(key: string): boolean {
	return METADATA_KEY_PATTERN.test(key)
}

/** 'session', a shape id or a threat id: the three things metadata may describe. */
export function isMetadataTarget(target: string): boolean {
	if (target === SESSION_TARGET) return true
	if (target.length > TARGET_MAX) return false
	return /^(shape|threat):[^\s]+$/.test(target)
}

/** `metadata-entry:session~env`, `metadata-entry:shape~abc~env`, `metadata-entry:threat~xyz~env`. */
export function metadataEntryIdFor(target: MetadataTarget, key: string): MetadataEntryId {
	const owner = target === SESSION_TARGET ? SESSION_TARGET : `${target.slice(0, target.indexOf(':'))}~${idBody(target)}`
	return `${METADATA_ENTRY_TYPE}:${owner}~${key}` as MetadataEntryId
}

export const metadataEntryRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<MetadataEntryRecord>({
		id: recordIdValidator<MetadataEntryId>(METADATA_ENTRY_TYPE),
		typeName: T.literal(METADATA_ENTRY_TYPE),
		target: T.string.check((value) => {
			if (!isMetadataTarget(value)) throw new T.ValidationError("Expected 'session', a shape id or a threat id")
		}),
		key: T.string.check((value) => {
			if (!isMetadataKey(value)) throw new T.ValidationError('Expected a key of 1 to 40 characters a-z, 0-9, _ . -')
		}),
		value: boundedString(METADATA_VALUE_MAX, { min: 1 }).check((value) => {
			// One line: a value is a tag, shown in a CSV cell and a Markdown table.
			if (/[\r\n]/.test(value)) throw new T.ValidationError('Expected a value on one line')
		}),
		createdBy: boundedString(64),
		createdByName: boundedString(64),
		createdAt: timestampValidator,
	}),
}
