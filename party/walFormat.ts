import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { z } from 'zod'
import type { TrackedChange } from './trackedStorage'

// How the room's write-ahead copy lays out in Durable Object storage. A value may be at most
// 128 KiB, so nothing is stored as one blob: one key per changed record, its state or tombstone at
// its own clock; records larger than a value (an inlined image) are split over chunk keys; and one
// small meta key with the room's clock and human-ID counters, and one with the schema.

export const WAL_PREFIX = 'wal:'
export const META_KEY = 'wal:meta'
export const SCHEMA_KEY = 'wal:schema'
/** The clock up to which entries were pruned because the app had stored it. */
export const PRUNED_KEY = 'wal:pruned'
const RECORD_PREFIX = 'wal:r:'
const CHUNK_PREFIX = 'wal:c:'
/** Characters per value: even as two-byte characters, well under the 128 KiB value limit. */
export const CHUNK_CHARS = 30_000
/** Durable Object storage takes at most 128 keys per put or delete. */
const KEYS_PER_CALL = 128

export interface WalMeta {
	version: 1
	/** The room's document clock when this batch was written. */
	clock: number
	humanIdCounters: Record<string, number>
}

/** A record's entry: its state inline, in `chunks` chunk keys, or a tombstone (`deleted`). */
type WalEntry = { clock: number; state: TLRecord } | { clock: number; chunks: number } | { clock: number; deleted: true }

export const recordKey = (id: string): string => `${RECORD_PREFIX}${id}`
export const chunkKey = (id: string, index: number): string => `${CHUNK_PREFIX}${id}#${index}`

/** The keys and values one change writes (the entry and its chunks), and how many chunks it used. */
export function encodeChange(id: string, change: TrackedChange): { values: Record<string, unknown>; chunks: number } {
	if (change.state === null) return { values: { [recordKey(id)]: { clock: change.clock, deleted: true } satisfies WalEntry }, chunks: 0 }
	const json = JSON.stringify(change.state)
	if (json.length <= CHUNK_CHARS) return { values: { [recordKey(id)]: { clock: change.clock, state: change.state } satisfies WalEntry }, chunks: 0 }
	const values: Record<string, unknown> = {}
	let chunks = 0
	for (let start = 0; start < json.length; start += CHUNK_CHARS) values[chunkKey(id, chunks++)] = json.slice(start, start + CHUNK_CHARS)
	values[recordKey(id)] = { clock: change.clock, chunks } satisfies WalEntry
	return { values, chunks }
}

const metaSchema = z.object({ version: z.literal(1), clock: z.int().min(0), humanIdCounters: z.record(z.string(), z.int().min(0)) })
const recordSchema = z.looseObject({ id: z.string(), typeName: z.string() })
const entrySchema = z.union([
	z.object({ clock: z.int().min(0), state: recordSchema }),
	z.object({ clock: z.int().min(0), chunks: z.int().min(1) }),
	z.object({ clock: z.int().min(0), deleted: z.literal(true) }),
])

/** What the storage held for this room: the meta, the schema, and the latest change of each record. */
export interface StoredWal {
	meta: WalMeta | null
	schema: SerializedSchema | null
	changes: Map<string, TrackedChange>
	/** Chunk keys each record currently uses, so later writes and the pruning can remove them. */
	chunks: Map<string, number>
	/** Entries up to this clock were removed: the app had stored them. */
	prunedThrough: number
	/** Entries that could not be read (a torn or foreign value): reported, never loaded. */
	unreadable: string[]
}

/** Reads what `list({ prefix: WAL_PREFIX })` answered. */
export function decodeStored(stored: ReadonlyMap<string, unknown>): StoredWal {
	const meta = metaSchema.safeParse(stored.get(META_KEY))
	const schema = stored.get(SCHEMA_KEY)
	const pruned = stored.get(PRUNED_KEY)
	const changes = new Map<string, TrackedChange>()
	const chunks = new Map<string, number>()
	const unreadable: string[] = []
	for (const [key, value] of stored) {
		if (!key.startsWith(RECORD_PREFIX)) continue
		const id = key.slice(RECORD_PREFIX.length)
		const entry = entrySchema.safeParse(value)
		if (!entry.success) {
			unreadable.push(id)
			continue
		}
		if ('deleted' in entry.data) {
			changes.set(id, { state: null, clock: entry.data.clock })
		} else if ('state' in entry.data) {
			changes.set(id, { state: entry.data.state as unknown as TLRecord, clock: entry.data.clock })
		} else {
			const parts: string[] = []
			for (let index = 0; index < entry.data.chunks; index++) {
				const part = stored.get(chunkKey(id, index))
				if (typeof part !== 'string') break
				parts.push(part)
			}
			const state = parts.length === entry.data.chunks ? parseRecord(parts.join('')) : null
			if (!state) {
				unreadable.push(id)
				continue
			}
			chunks.set(id, entry.data.chunks)
			changes.set(id, { state, clock: entry.data.clock })
		}
	}
	return {
		meta: meta.success ? meta.data : null,
		schema: isSchema(schema) ? schema : null,
		changes,
		chunks,
		prunedThrough: typeof pruned === 'number' && Number.isInteger(pruned) && pruned >= 0 ? pruned : 0,
		unreadable,
	}
}

function parseRecord(json: string): TLRecord | null {
	try {
		const parsed = recordSchema.safeParse(JSON.parse(json))
		return parsed.success ? (parsed.data as unknown as TLRecord) : null
	} catch {
		return null
	}
}

function isSchema(value: unknown): value is SerializedSchema {
	return typeof value === 'object' && value !== null && 'schemaVersion' in value
}

/** Splits a list of keys (or entries) into calls of at most KEYS_PER_CALL. */
export function inCalls<T>(items: readonly T[]): T[][] {
	const calls: T[][] = []
	for (let start = 0; start < items.length; start += KEYS_PER_CALL) calls.push(items.slice(start, start + KEYS_PER_CALL))
	return calls
}
