import type { TLRecordAuthorizer, TLRecordAuthorizers } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { HistoryLog } from '@/lib/history/historyLog'
import { type RecordChange, recordChanges, trackedState } from '@/lib/history/recordChanges'
import { type RenderContext, TRACKED_RECORDS } from '@/lib/history/trackedRecords'
import type { Person } from '@/lib/protocol/customMessages'
import { HISTORY_ENTRY_TYPE, type HistoryEntryRecord, historyEntryRecordConfig } from '@/lib/session/records/historyEntryRecord'

/** A write the authorizers allowed, waiting to hear whether its push was committed. */
interface PendingWrite {
	author: Person
	recordId: string
	/** What the store holds once the push is committed (trackedState of the allowed record, '' for a removal). */
	expected: string
	changes: RecordChange[]
}

export interface RoomHistoryDeps {
	getRecord: (id: string) => TLRecord | undefined
	/** The room's clock, shared with the authorizers' stamps. */
	now: () => number
	/** Writes the entries to the room's storage in one transaction (synced and written ahead like any change). */
	write: (entries: readonly HistoryEntryRecord[]) => void
	warn: (message: string) => void
}

/**
 * The change history, written by the room: only the room knows who made a write. The authorizers
 * of the tracked types (lib/history/trackedRecords.ts) are wrapped to note what each allowed write
 * changes and who made it; once the push has been handled — synchronously, all or nothing — the
 * writes the store now holds become entries, in the order they were authorized, stamped with the
 * room's clock. Pushes that were rolled back leave no entry.
 */
export class RoomHistory {
	private log = new HistoryLog([])
	private pending: PendingWrite[] = []
	private readonly context: RenderContext

	constructor(private readonly deps: RoomHistoryDeps) {
		this.context = {
			humanIdOf: (recordId) => {
				const record = deps.getRecord(recordId)
				const type = record && TRACKED_RECORDS.get(record.typeName)
				return (type && record && type.humanId(record)) || undefined
			},
		}
	}

	/** The records the room loaded (both lanes, migrated): numbering and coalescing carry on from their history. */
	load(records: readonly TLRecord[]): void {
		this.log = new HistoryLog(records.filter((record): record is HistoryEntryRecord => record.typeName === HISTORY_ENTRY_TYPE))
	}

	/** The room's authorizers, those of tracked types noting each write they allow. */
	observing(authorizers: TLRecordAuthorizers<TLRecord, Person>): TLRecordAuthorizers<TLRecord, Person> {
		const observed: TLRecordAuthorizers<TLRecord, Person> = { ...authorizers }
		for (const [typeName, authorize] of Object.entries(authorizers) as [string, TLRecordAuthorizer<TLRecord, Person>][]) {
			if (!TRACKED_RECORDS.has(typeName)) continue
			const noting: TLRecordAuthorizer<TLRecord, Person> = (write) => this.noted(write, authorize(write))
			Object.assign(observed, { [typeName]: noting })
		}
		return observed
	}

	private noted(write: Parameters<TLRecordAuthorizer<TLRecord, Person>>[0], verdict: TLRecord | null): TLRecord | null {
		if (verdict === null) return verdict
		const next = write.type === 'delete' ? null : verdict
		const changes = recordChanges({ prev: write.prev, next }, this.context)
		if (changes.length > 0) {
			this.pending.push({ author: write.session.meta, recordId: verdict.id, expected: trackedState(next ?? undefined, this.context), changes })
		}
		return verdict
	}

	/** After each handled message: the committed writes become entries; the rest are forgotten. */
	settle(): void {
		if (this.pending.length === 0) return
		const pending = this.pending
		this.pending = []
		const entries = pending.flatMap(({ author, recordId, expected, changes }) => {
			if (trackedState(this.deps.getRecord(recordId), this.context) !== expected) return []
			return this.log.record(changes, { userId: author.userId, name: author.name, role: author.role }, this.deps.now())
		})
		const valid = entries.filter((entry) => {
			try {
				historyEntryRecordConfig.validator.validate(entry)
				return true
			} catch (error) {
				this.deps.warn(`history entry ${entry.id} not written: ${error instanceof Error ? error.message : String(error)}`)
				return false
			}
		})
		if (valid.length > 0) this.deps.write(valid)
	}
}
