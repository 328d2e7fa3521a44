import type {
	InMemorySyncStorage,
	RoomSnapshot,
	TLSyncStorage,
	TLSyncStorageGetChangesSinceResult,
	TLSyncStorageOnChangeCallbackProps,
	TLSyncStorageTransaction,
	TLSyncStorageTransactionCallback,
	TLSyncStorageTransactionOptions,
	TLSyncStorageTransactionResult,
} from '@tldraw/sync-core'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'

/** The latest committed state of one record: its value, or null once deleted (a tombstone). */
export interface TrackedChange {
	state: TLRecord | null
	/** The document clock of that change (the record's lastChangedClock, or its tombstone's). */
	clock: number
}

/**
 * The room's storage (tldraw's in-memory one), remembering which records every committed
 * transaction changed, so the write-ahead copy can persist exactly those, at their own clocks,
 * without scanning the room. A transaction that throws is rolled back by tldraw and forgotten here.
 */
export class TrackedSyncStorage implements TLSyncStorage<TLRecord> {
	private changes = new Map<string, TrackedChange>()

	constructor(
		private readonly inner: InMemorySyncStorage<TLRecord>,
		/** Called synchronously after a transaction that changed records. */
		private readonly onTracked: () => void = () => {},
	) {}

	transaction<T>(callback: TLSyncStorageTransactionCallback<TLRecord, T>, opts?: TLSyncStorageTransactionOptions): TLSyncStorageTransactionResult<T, TLRecord> {
		const changed = new Map<string, TrackedChange>()
		const run = callback as unknown as (txn: TLSyncStorageTransaction<TLRecord>) => T
		const result = this.inner.transaction(
			((txn: TLSyncStorageTransaction<TLRecord>) => run(tracking(txn, changed))) as TLSyncStorageTransactionCallback<TLRecord, T>,
			opts,
		)
		if (changed.size > 0) {
			for (const [id, change] of changed) this.changes.set(id, change)
			this.onTracked()
		}
		return result
	}

	/** The changes committed since the last call (latest per record), and forgets them. */
	takeChanges(): Map<string, TrackedChange> {
		const taken = this.changes
		this.changes = new Map()
		return taken
	}

	get hasChanges(): boolean {
		return this.changes.size > 0
	}

	getSchema(): SerializedSchema {
		return this.inner.transaction((txn) => txn.getSchema()).result
	}

	getClock(): number {
		return this.inner.getClock()
	}

	onChange(callback: (arg: TLSyncStorageOnChangeCallbackProps) => unknown): () => void {
		return this.inner.onChange(callback)
	}

	getSnapshot(): RoomSnapshot {
		return this.inner.getSnapshot()
	}

	getObjectsSnapshot(): RoomSnapshot['documents'] {
		return this.inner.getObjectsSnapshot()
	}

	getObjectsByIds(ids: Iterable<string>): RoomSnapshot['documents'] {
		return this.inner.getObjectsByIds(ids)
	}
}

function tracking(txn: TLSyncStorageTransaction<TLRecord>, changed: Map<string, TrackedChange>): TLSyncStorageTransaction<TLRecord> {
	return {
		get: (id) => txn.get(id),
		set(id, record) {
			txn.set(id, record)
			// The transaction's clock is the one this write was stamped with.
			changed.set(id, { state: record, clock: txn.getClock() })
		},
		delete(id) {
			const existed = txn.get(id) !== undefined
			txn.delete(id)
			if (existed) changed.set(id, { state: null, clock: txn.getClock() })
		},
		entries: () => txn.entries(),
		keys: () => txn.keys(),
		values: () => txn.values(),
		getSchema: () => txn.getSchema(),
		setSchema: (schema) => txn.setSchema(schema),
		getClock: () => txn.getClock(),
		getChangesSince: (sinceClock): TLSyncStorageGetChangesSinceResult<TLRecord> | undefined => txn.getChangesSince(sinceClock),
	}
}
