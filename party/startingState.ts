import { DEFAULT_INITIAL_SNAPSHOT, type RoomSnapshot } from '@tldraw/sync-core'
import { z } from 'zod'
import type { StoredCanvasState } from '@/lib/api/internalSchemas'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import type { StoredWal } from './walFormat'

// What a room starts from: the app's snapshot (libSQL, the system of record) or, when the room's own
// write-ahead copy holds a newer clock — changes acknowledged to clients but not saved to the app
// before the room died — that snapshot with the newer changes applied on top.

export interface StartingState {
	snapshot: RoomSnapshot
	humanIdCounters: Record<string, number>
	/**
	 * Where the newest state came from; 'wal' means the app must be brought up to date.
	 * 'app-behind-copy': the app holds less than the copy was pruned against (a database restored
	 * from an older backup), so the copy cannot be laid over it; the app's snapshot is used.
	 */
	source: 'app' | 'wal' | 'app-behind-copy'
	/** The app's clock, and how many records the write-ahead copy added or changed on top of it. */
	appClock: number
	replayed: number
}

export function startingState(loaded: StoredCanvasState, wal: StoredWal | null): StartingState {
	const base = roomSnapshotOf(loaded)
	const appClock = loaded.clock
	const newer = wal ? [...wal.changes].filter(([, change]) => change.clock > appClock) : []
	const walClock = Math.max(wal?.meta?.clock ?? 0, ...newer.map(([, change]) => change.clock))
	if (!wal || walClock <= appClock) {
		return { snapshot: base, humanIdCounters: loaded.humanIdCounters, source: 'app', appClock, replayed: 0 }
	}
	if (wal.prunedThrough > appClock) {
		return { snapshot: base, humanIdCounters: loaded.humanIdCounters, source: 'app-behind-copy', appClock, replayed: 0 }
	}

	// Every record changed after the app's clock is in the copy with its latest state, so the app's
	// snapshot plus those changes is the room as it was at the copy's clock.
	const documents = new Map<string, RoomSnapshot['documents'][number]>(base.documents.map((document) => [document.state.id, document]))
	const tombstones: Record<string, number> = { ...base.tombstones }
	for (const [id, change] of newer) {
		if (change.state === null) {
			documents.delete(id)
			tombstones[id] = change.clock
		} else {
			documents.set(id, { state: change.state, lastChangedClock: change.clock })
			delete tombstones[id]
		}
	}
	const snapshot: RoomSnapshot = {
		...base,
		documentClock: walClock,
		// Deletions are known from the app's history start on: its own tombstones, then the copy's.
		tombstoneHistoryStartsAtClock: base.tombstoneHistoryStartsAtClock ?? appClock,
		documents: [...documents.values()],
		tombstones,
		// The copy's records are in the schema of the room that wrote it, which migrated the app's
		// records on its own load; records it did not change read the same in that schema.
		schema: wal.schema ?? base.schema,
	}
	return {
		snapshot,
		humanIdCounters: maxCounters(loaded.humanIdCounters, wal.meta?.humanIdCounters ?? {}),
		source: 'wal',
		appClock,
		replayed: newer.length,
	}
}

/** Counters only grow: the larger of each. */
function maxCounters(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
	const merged = { ...a }
	for (const [key, value] of Object.entries(b)) merged[key] = Math.max(merged[key] ?? 0, value)
	return merged
}

// The app stores the snapshot as opaque JSON; check the frame the storage relies on. The records
// themselves were validated by the room that saved them, and are migrated on load.
const storedSnapshotSchema = z.looseObject({
	documents: z.array(
		z.object({
			state: z.looseObject({ id: z.string(), typeName: z.string() }),
			lastChangedClock: z.number(),
		}),
	),
})

function roomSnapshotOf(loaded: StoredCanvasState): RoomSnapshot {
	// A session never saved starts as tldraw's empty document, described by our schema.
	if (loaded.snapshot === null) return { ...DEFAULT_INITIAL_SNAPSHOT, schema: threatroomSchema.serialize() }
	storedSnapshotSchema.parse(loaded.snapshot)
	return loaded.snapshot as unknown as RoomSnapshot
}
