import type { TLRecord } from '@tldraw/tlschema'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import type { HumanIdCounters } from '@/lib/dfd/humanIds'
import { loadCanvas } from './canvasRepo'
import type { SessionRow } from './schema'
import { findSession } from './sessionsRepo'

// A session as its room last saved it: the snapshot is the source of truth (the projections lag it
// by nothing, but only the snapshot has geometry, bindings and meta), read once and validated once
// for the reports, the follow-up session and the session's details.

export interface StoredRoom {
	session: SessionRow
	/** Validated records of the last save; [] for a canvas never saved. */
	records: TLRecord[]
	humanIdCounters: HumanIdCounters
}

/** The session row and its saved records, or null for an unknown session. Throws if the snapshot is unreadable. */
export async function loadStoredRoom(sessionId: string): Promise<StoredRoom | null> {
	const session = await findSession(sessionId)
	if (!session) return null
	const canvas = await loadCanvas(sessionId)
	if (!canvas) return { session, records: [], humanIdCounters: {} }
	const read = readStoreRecords(canvas.snapshot)
	if (!read.ok) throw new Error(`Session ${sessionId}: ${read.error}`)
	if (read.skipped.length > 0) {
		// The room validated these when they were written, so this is schema drift: report, don't fail the read.
		console.warn(`[stored room] session ${sessionId}: ${read.skipped.length} stored record(s) left out`, read.skipped.slice(0, 5))
	}
	return { session, records: read.records, humanIdCounters: canvas.humanIdCounters }
}
