import type { RoomSnapshot } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { threatroomSchema } from './threatroomSchema'

export interface RecordProblem {
	id: string
	message: string
}

const RECORD_TYPES = new Map(Object.entries(threatroomSchema.types))

/** The room's validator of a record type, or undefined for a type the schema does not know. */
export function recordTypeOf(typeName: string) {
	return RECORD_TYPES.get(typeName)
}

/** Every record checked with the room's own validator for its type, as the room checks a push. */
export function validateRecords(records: readonly { id: string; typeName: string }[]): RecordProblem[] {
	const problems: RecordProblem[] = []
	const seen = new Set<string>()
	for (const record of records) {
		if (seen.has(record.id)) problems.push({ id: record.id, message: 'Duplicate record id' })
		seen.add(record.id)
		const recordType = recordTypeOf(record.typeName)
		if (!recordType) {
			problems.push({ id: record.id, message: `Unknown record type ${record.typeName}` })
			continue
		}
		try {
			recordType.validate(record)
		} catch (error) {
			problems.push({ id: record.id, message: error instanceof Error ? error.message : String(error) })
		}
	}
	return problems
}

/**
 * A room snapshot as the party saves it (canvas and workshop records together in `documents`),
 * described by our schema so the room loads it without migrating, at `clock`.
 */
export function roomSnapshotOf(records: readonly TLRecord[], clock: number): RoomSnapshot {
	return {
		clock,
		documentClock: clock,
		tombstoneHistoryStartsAtClock: clock,
		schema: threatroomSchema.serialize(),
		documents: records.map((state) => ({ state, lastChangedClock: clock })),
	}
}
