import { InMemorySyncStorage, type WebSocketMinimal } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { type GateConnection, OutputGate } from './outputGate'
import type { RoomWal } from './roomWal'
import type { StartingState } from './startingState'
import { TrackedSyncStorage } from './trackedStorage'
import { summarizeMs } from './writeStats'

/** How often a room with traffic logs its write-ahead latency. */
const REPORT_EVERY_MS = 60_000

export interface DurabilityOptions {
	sessionId: string
	start: StartingState
	wal: RoomWal
	/** The room's object-lane types: the storage routes loaded records into that lane by type. */
	objectTypes: readonly string[]
	/** Any committed change (the app's debounced save listens here). */
	onChange: () => void
	/** The human-ID counters as they are now, written with every batch. */
	humanIdCounters: () => Record<string, number>
}

/**
 * "Acknowledged means durable" for one room: tldraw's storage, tracked; the write-ahead copy each
 * committed change is written to; and the output gate that holds the room's answers until it is.
 * The app's save (libSQL) stays the system of record: when it lands, the copy is pruned up to it.
 */
export class RoomDurability {
	readonly storage: TrackedSyncStorage
	private readonly gate: OutputGate
	private scheduled = false
	private reportTimer: ReturnType<typeof setTimeout> | null = null

	constructor(private readonly options: DurabilityOptions) {
		const { start, wal, objectTypes, onChange } = options
		const inner = new InMemorySyncStorage<TLRecord>({ snapshot: start.snapshot, objectTypes, onChange })
		this.storage = new TrackedSyncStorage(inner, () => this.schedule())
		const loadedClock = this.storage.getClock()
		wal.startAt(loadedClock)
		this.gate = new OutputGate(() => this.storage.getClock(), loadedClock)
		wal.onDurable((clock) => this.gate.release(clock))
	}

	/** tldraw's socket for a connection: every send waits for the changes it could reveal. */
	socketFor(conn: GateConnection): WebSocketMinimal {
		return this.gate.socketFor(conn)
	}

	/** The app stored the room up to `clock` (a successful save). */
	saved(clock: number): void {
		this.options.wal.checkpoint(clock)
	}

	/**
	 * Writes what changed since the last write. Runs after the current message (a microtask), so
	 * one push's changes, and its authorizers' stamps, go in one write; also call it once after the
	 * room is built, for what its schema migration changed on load.
	 */
	flushChanges(): void {
		this.scheduled = false
		if (!this.storage.hasChanges) return
		this.options.wal.append(
			this.storage.takeChanges(),
			{ clock: this.storage.getClock(), humanIdCounters: this.options.humanIdCounters() },
			this.storage.getSchema(),
		)
		this.reportTimer ??= setTimeout(() => this.report(), REPORT_EVERY_MS)
	}

	/** Logs the write latency since the last report, e.g. when the room empties. */
	report(): void {
		if (this.reportTimer !== null) clearTimeout(this.reportTimer)
		this.reportTimer = null
		const writes = this.options.wal.stats.takeReport()
		if (writes === null) return
		const { immediate, held, heldMs } = this.gate.takeStats()
		console.info(
			`[party ${this.options.sessionId}] write-ahead: ${writes}; messages: ${immediate} sent at once, ` +
				`${held} held for a write (${summarizeMs(heldMs)}); ${this.options.wal.size} entries not in the app yet`,
		)
	}

	private schedule(): void {
		if (this.scheduled) return
		this.scheduled = true
		queueMicrotask(() => this.flushChanges())
	}
}
