import { HISTORY_ENTRY_TYPE, type HistoryEntryRecord, historyEntryIdFor } from '../session/records/historyEntryRecord'
import type { Role } from '../sessionEnums'
import type { RecordChange } from './recordChanges'

/** Edits of one field by one person less than this apart are one entry (the panel writes a name per keystroke). */
export const HISTORY_COALESCE_MS = 30_000
/**
 * Entries per session. Past it the room records no new entry (a burst still updates its entry)
 * and the panel and reports say the history stopped: a workshop that long is a runaway script.
 */
export const HISTORY_CAP = 5_000

export interface HistoryAuthor {
	userId: string
	name: string
	role: Role
}

const keyOf = (recordId: string, field: string) => `${recordId}\u0000${field}`

/**
 * The room's change history: append-only entries, numbered in the order the room took the
 * changes; a burst — consecutive edits of the same field of the same record by the same person,
 * each within HISTORY_COALESCE_MS of the last — is one entry whose new value follows the latest
 * edit while its old value stays the one before the burst. Built from the entries the room
 * loaded, so numbering and coalescing carry on after a restart. Pure apart from its own state.
 */
export class HistoryLog {
	private nextSeq: number
	private count: number
	/** The latest entry per record and field: the only one a new edit may coalesce into. */
	private readonly latest = new Map<string, HistoryEntryRecord>()

	constructor(
		existing: readonly HistoryEntryRecord[],
		private readonly options: { cap?: number; coalesceMs?: number } = {},
	) {
		const ordered = [...existing].sort((a, b) => a.seq - b.seq)
		for (const entry of ordered) this.latest.set(keyOf(entry.recordId, entry.field), entry)
		this.nextSeq = (ordered.at(-1)?.seq ?? 0) + 1
		this.count = ordered.length
	}

	get isFull(): boolean {
		return this.count >= (this.options.cap ?? HISTORY_CAP)
	}

	/** The entries to write for one committed write's changes, new or coalesced, in order. */
	record(changes: readonly RecordChange[], author: HistoryAuthor, at: number): HistoryEntryRecord[] {
		return changes.flatMap((change) => {
			const entry = this.coalesced(change, author, at) ?? this.appended(change, author, at)
			if (entry) this.latest.set(keyOf(entry.recordId, entry.field), entry)
			return entry ? [entry] : []
		})
	}

	private coalesced(change: RecordChange, author: HistoryAuthor, at: number): HistoryEntryRecord | null {
		if (change.action !== 'update') return null
		const last = this.latest.get(keyOf(change.recordId, change.field))
		if (last?.action !== 'update' || last.by !== author.userId) return null
		if (at - last.lastAt > (this.options.coalesceMs ?? HISTORY_COALESCE_MS)) return null
		return { ...last, newValue: change.newValue, recordHumanId: change.recordHumanId || last.recordHumanId, lastAt: at, edits: last.edits + 1 }
	}

	private appended(change: RecordChange, author: HistoryAuthor, at: number): HistoryEntryRecord | null {
		if (this.isFull) return null
		const seq = this.nextSeq++
		this.count++
		return {
			id: historyEntryIdFor(seq),
			typeName: HISTORY_ENTRY_TYPE,
			seq,
			...change,
			by: author.userId,
			byName: author.name,
			byRole: author.role,
			at,
			lastAt: at,
			edits: 1,
		}
	}
}
