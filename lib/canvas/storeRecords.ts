import type { SerializedStore } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { z } from 'zod'
import { isPlainObject } from '@/lib/isPlainObject'
import { recordTypeOf } from './roomSnapshot'
import { threatroomSchema } from './threatroomSchema'

// A saved room snapshot (canvas_documents.snapshot) read back as typed tldraw records, the way the
// room would see them after loading it: migrated to the current schema, then validated one by one.

/** What the room saves (RoomSnapshot of @tldraw/sync-core); only the fields read here are checked. */
const storedSnapshotSchema = z.looseObject({
	documents: z.array(z.unknown()),
	clock: z.number().optional(),
	documentClock: z.number().optional(),
	schema: z.object({ schemaVersion: z.literal(2), sequences: z.record(z.string(), z.number()) }),
})

interface StoredState {
	id: string
	typeName: string
	[key: string]: unknown
}

function isStoredState(value: unknown): value is StoredState {
	return isPlainObject(value) && typeof value.id === 'string' && value.id !== '' && typeof value.typeName === 'string' && value.typeName !== ''
}

/**
 * An entry's state, when the entry has the shape the room saves. Checked by hand rather than with a
 * zod schema: zod would copy every record of a large room once more, and each record's own
 * validator (below) checks it in full anyway.
 */
function storedStateOf(entry: unknown): StoredState | null {
	if (!isPlainObject(entry) || typeof entry.lastChangedClock !== 'number') return null
	return isStoredState(entry.state) ? entry.state : null
}

interface SkippedRecord {
	id: string
	typeName: string
	message: string
}

export type StoreRecordsResult = { ok: true; records: TLRecord[]; documentClock: number; skipped: SkippedRecord[] } | { ok: false; error: string }

/**
 * Migrates then validates every record of a stored snapshot against the room's schema. A record
 * that fails its validator is left out and listed in `skipped` (the room refused such records
 * when they were written, so this only happens after a schema change that forgot a migration);
 * a snapshot whose frame or schema cannot be read at all is an error.
 */
export function readStoreRecords(snapshot: unknown): StoreRecordsResult {
	const parsed = storedSnapshotSchema.safeParse(snapshot)
	if (!parsed.success) return { ok: false, error: `Not a room snapshot: ${parsed.error.issues[0]?.message ?? 'invalid'}` }
	const { documents, schema } = parsed.data
	const states: StoredState[] = []
	for (const [index, entry] of documents.entries()) {
		const state = storedStateOf(entry)
		if (!state) return { ok: false, error: `Not a room snapshot: documents.${index} is not a stored record` }
		states.push(state)
	}
	// The one unchecked step: tldraw's migrations take records as stored (an older version cannot
	// pass today's validators), and every record they return is validated just below before use.
	const stored = Object.fromEntries(states.map((state) => [state.id, state])) as unknown as SerializedStore<TLRecord>
	const migrated = threatroomSchema.migrateStoreSnapshot({ store: stored, schema })
	if (migrated.type !== 'success') return { ok: false, error: `The snapshot cannot be migrated (${migrated.reason})` }

	const records: TLRecord[] = []
	const skipped: SkippedRecord[] = []
	for (const raw of Object.values(migrated.value)) {
		const recordType = recordTypeOf(raw.typeName)
		if (!recordType) {
			skipped.push({ id: raw.id, typeName: raw.typeName, message: 'Unknown record type' })
			continue
		}
		try {
			records.push(recordType.validate(raw))
		} catch (error) {
			skipped.push({ id: raw.id, typeName: raw.typeName, message: error instanceof Error ? error.message : String(error) })
		}
	}
	return { ok: true, records, documentClock: parsed.data.documentClock ?? 0, skipped }
}
