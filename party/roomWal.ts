import type { SerializedSchema } from '@tldraw/store'
import { retryDelayMs } from './persistence'
import type { TrackedChange } from './trackedStorage'
import {
	chunkKey,
	decodeStored,
	encodeChange,
	inCalls,
	META_KEY,
	PRUNED_KEY,
	recordKey,
	SCHEMA_KEY,
	type StoredWal,
	WAL_PREFIX,
	type WalMeta,
} from './walFormat'
import { WriteStats } from './writeStats'

/** The part of Durable Object storage (`room.storage`) the write-ahead copy uses. */
export interface WalStorage {
	list(options: { prefix: string }): Promise<Map<string, unknown>>
	put(entries: Record<string, unknown>): Promise<void>
	delete(keys: string[]): Promise<number>
	/** Resolves once every write before it is on disk (put alone may resolve from the write buffer). */
	sync?(): Promise<void>
}

export interface WalLog {
	error(message: string): void
	info(message: string): void
}

interface Batch {
	changes: Map<string, TrackedChange>
	meta: WalMeta
	schema: SerializedSchema | null
}

/**
 * The room's write-ahead copy in its own durable storage: every committed change is written here
 * before the room's answers to it leave (see outputGate.ts), so a change a client saw acknowledged
 * survives the room dying before its debounced save reached the app. libSQL stays the system of
 * record: once the app has stored a clock, the entries up to it are pruned, so the copy holds only
 * what the app has not got yet (at most one entry per record, however long the app is down).
 *
 * Writes are group-committed: while one batch is being written, newer changes accumulate and go in
 * the next one, so a busy room makes one write per write's duration, not one per message.
 */
export class RoomWal {
	private pending = new Map<string, TrackedChange>()
	private pendingMeta: WalMeta | null = null
	private pendingSchema: SerializedSchema | null = null
	private writing = false
	private failures = 0
	/** Set by `startAt`: what the room starts from is durable (loaded from the app or from here). */
	private durable = 0
	private pruneTo = 0
	private lastSchema: SerializedSchema | null
	private lastSchemaJson: string | null
	private readonly listeners = new Set<(clock: number) => void>()
	/** What the storage holds per record (clock, chunk keys), for pruning and chunk cleanup. */
	private readonly index = new Map<string, { clock: number; chunks: number }>()
	readonly stats = new WriteStats()

	private constructor(
		private readonly storage: WalStorage,
		private readonly log: WalLog,
		stored: StoredWal,
	) {
		for (const [id, change] of stored.changes) this.index.set(id, { clock: change.clock, chunks: stored.chunks.get(id) ?? 0 })
		this.pruneTo = stored.prunedThrough
		this.lastSchema = stored.schema
		this.lastSchemaJson = stored.schema ? JSON.stringify(stored.schema) : null
	}

	static async open(storage: WalStorage, log: WalLog): Promise<{ wal: RoomWal; stored: StoredWal }> {
		const stored = decodeStored(await storage.list({ prefix: WAL_PREFIX }))
		if (stored.unreadable.length > 0) log.error(`write-ahead copy: ${stored.unreadable.length} unreadable entries ignored`)
		return { wal: new RoomWal(storage, log, stored), stored }
	}

	/**
	 * Deletes the whole copy, before the room starts: for a copy that belongs to another history than
	 * the app's (see startingState's 'app-behind-copy'), which must never be laid over it later.
	 */
	async discard(): Promise<void> {
		const keys = [...(await this.storage.list({ prefix: WAL_PREFIX })).keys()]
		await Promise.all(inCalls(keys).map((call) => this.storage.delete(call)))
		await this.storage.sync?.()
		this.index.clear()
		this.pruneTo = 0
		this.lastSchema = null
		this.lastSchemaJson = null
	}

	/** The highest clock known to be durable, here or (see `checkpoint`) in the app. */
	get durableClock(): number {
		return this.durable
	}

	/** Called with the new durable clock after each write or checkpoint that raised it. */
	onDurable(listener: (clock: number) => void): () => void {
		this.listeners.add(listener)
		return () => this.listeners.delete(listener)
	}

	/** The room as it starts is durable up to `clock` (it was loaded from the app or from here). */
	startAt(clock: number): void {
		this.raise(clock)
	}

	/** Queues committed changes and the room's state after them; written as soon as possible. */
	append(changes: Map<string, TrackedChange>, meta: Omit<WalMeta, 'version'>, schema: SerializedSchema): void {
		for (const [id, change] of changes) this.pending.set(id, change)
		this.pendingMeta = { version: 1, ...meta }
		// The schema changes only with a migration: written when it does, not with every batch.
		if (schema !== this.lastSchema) {
			const schemaJson = JSON.stringify(schema)
			if (schemaJson !== this.lastSchemaJson) this.pendingSchema = schema
			this.lastSchema = schema
			this.lastSchemaJson = schemaJson
		}
		this.kick()
	}

	/**
	 * The app has stored the room up to `clock`: that is durable too, and the entries up to it are
	 * no longer needed (a restart takes the app's snapshot and only what is newer from here).
	 */
	checkpoint(clock: number): void {
		this.raise(clock)
		if (clock > this.pruneTo) {
			this.pruneTo = clock
			this.kick()
		}
	}

	/** Changes waiting for, or in, a write. */
	get backlog(): number {
		return this.pending.size + (this.writing ? 1 : 0)
	}

	/** Entries the storage holds (not yet in the app). */
	get size(): number {
		return this.index.size
	}

	private kick(): void {
		if (this.writing) return
		this.writing = true
		void this.drain()
	}

	private async drain(): Promise<void> {
		try {
			for (;;) {
				if (this.pendingMeta) {
					const batch: Batch = { changes: this.pending, meta: this.pendingMeta, schema: this.pendingSchema }
					this.pending = new Map()
					this.pendingMeta = null
					this.pendingSchema = null
					try {
						await this.write(batch)
						this.failures = 0
					} catch (error) {
						this.requeue(batch)
						await this.backOff('write', error)
					}
					continue
				}
				const prunable = [...this.index].filter(([, entry]) => entry.clock <= this.pruneTo)
				if (prunable.length > 0) {
					try {
						await this.prune(prunable.map(([id]) => id))
						this.failures = 0
					} catch (error) {
						await this.backOff('pruning', error)
					}
					continue
				}
				return
			}
		} finally {
			this.writing = false
		}
	}

	private async write(batch: Batch): Promise<void> {
		const started = Date.now()
		const values: Record<string, unknown> = { [META_KEY]: batch.meta }
		if (batch.schema) values[SCHEMA_KEY] = batch.schema
		const staleChunks: string[] = []
		const written = new Map<string, { clock: number; chunks: number }>()
		for (const [id, change] of batch.changes) {
			const encoded = encodeChange(id, change)
			Object.assign(values, encoded.values)
			for (let index = encoded.chunks; index < (this.index.get(id)?.chunks ?? 0); index++) staleChunks.push(chunkKey(id, index))
			written.set(id, { clock: change.clock, chunks: encoded.chunks })
		}
		// Issued without an await in between, the puts (and deletes) are coalesced into one atomic
		// write; `sync` then waits for it to be on disk rather than in the write buffer.
		const calls: Promise<unknown>[] = inCalls(Object.entries(values)).map((entries) => this.storage.put(Object.fromEntries(entries)))
		for (const keys of inCalls(staleChunks)) calls.push(this.storage.delete(keys))
		await Promise.all(calls)
		await this.storage.sync?.()
		for (const [id, entry] of written) this.index.set(id, entry)
		this.stats.add(Date.now() - started, batch.changes.size)
		this.raise(batch.meta.clock)
	}

	private async prune(ids: string[]): Promise<void> {
		const keys = ids.flatMap((id) => [recordKey(id), ...Array.from({ length: this.index.get(id)?.chunks ?? 0 }, (_, index) => chunkKey(id, index))])
		// With the mark of how far the copy was pruned: a restart must not lay it over an app
		// snapshot older than that (a database restored from a backup), which would miss what was pruned.
		await Promise.all([...inCalls(keys).map((call) => this.storage.delete(call)), this.storage.put({ [PRUNED_KEY]: this.pruneTo })])
		await this.storage.sync?.()
		// A record written again meanwhile has a newer clock and keeps its (rewritten) entry.
		for (const id of ids) if ((this.index.get(id)?.clock ?? Number.POSITIVE_INFINITY) <= this.pruneTo) this.index.delete(id)
	}

	/** A failed batch goes back under anything newer that arrived meanwhile. */
	private requeue(batch: Batch): void {
		for (const [id, change] of batch.changes) if (!this.pending.has(id)) this.pending.set(id, change)
		this.pendingMeta ??= batch.meta
		this.pendingSchema ??= batch.schema
	}

	private async backOff(what: string, error: unknown): Promise<void> {
		this.failures++
		const retryInMs = retryDelayMs(this.failures)
		const message = error instanceof Error ? error.message : String(error)
		this.log.error(`write-ahead ${what} failed (${this.failures}x), retrying in ${retryInMs} ms: ${message}`)
		await new Promise((resolve) => setTimeout(resolve, retryInMs))
	}

	private raise(clock: number): void {
		if (clock <= this.durable) return
		this.durable = clock
		for (const listener of this.listeners) listener(clock)
	}
}
