import type { RoomSnapshot } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor, type HumanIdCounters } from '@/lib/dfd/humanIds'
import { isClosedStatus } from '@/lib/risk/threatStatus'
import { roomSnapshotOf } from './roomSnapshot'

export interface FollowUpCanvas {
	snapshot: RoomSnapshot
	humanIdCounters: HumanIdCounters
	elements: DfdElement[]
}

/** The drawing itself: carried over as it is. */
const CANVAS_TYPES: ReadonlySet<string> = new Set(['document', 'page', 'shape', 'binding', 'asset'])

/** A threat the follow-up still has to work on: not withdrawn, and not closed (Deferred stays open). */
function isCarried(record: TLRecord): boolean {
	return record.typeName === 'threat' && !record.isDeleted && !isClosedStatus(record.status)
}

/**
 * The canvas a follow-up session starts from: the ended session's diagrams (pages, shapes,
 * bindings, assets, the document and its meta), its scope, the threats still open with their
 * decision history, and the agenda's durations; from the notebook, every note, the attack trees
 * on model-level goals and on carried threats, and the questions still parked. Not carried: votes,
 * n/a marks (the group asks again), phase, timer and session events (a new meeting, a new clock),
 * the walk's focus, resolved questions (what they became is carried), the review status (a new
 * session is reviewed anew). Key=value metadata goes with what it describes: the session's, every
 * element's, and that of the carried threats.
 *
 * Record ids stay the same, so the follow-up's report can say what changed since; the counters
 * start past every ID the ended session handed out (closed and deleted threats included), so no
 * human ID is ever reused. Pure.
 */
export function followUpSnapshot(records: readonly TLRecord[], counters: HumanIdCounters): FollowUpCanvas {
	const carriedThreats = new Set<string>(records.filter(isCarried).map((record) => record.id))
	const carriedGoals = new Set(
		records.flatMap((record) =>
			record.typeName === 'attack-node' && record.ancestors.length === 0 && (record.threatId === null || carriedThreats.has(record.threatId))
				? [record.id]
				: [],
		),
	)
	const kept = records.flatMap((record): TLRecord[] => {
		if (record.typeName === 'workshop-note') return [record]
		if (record.typeName === 'parked-question') return record.resolution === null ? [record] : []
		if (record.typeName === 'attack-node') return carriedGoals.has(record.ancestors[0] ?? record.id) ? [record] : []
		if (CANVAS_TYPES.has(record.typeName) || record.typeName === 'scope-item') return [record]
		if (record.typeName === 'threat') return carriedThreats.has(record.id) ? [record] : []
		if (record.typeName === 'decision') return carriedThreats.has(record.threatId) ? [record] : []
		if (record.typeName === 'metadata-entry') return record.target.startsWith('threat:') && !carriedThreats.has(record.target) ? [] : [record]
		if (record.typeName === 'walk') return [{ ...record, focusShapeId: null }]
		return []
	})
	return {
		// A new room: every record as of its first clock, no deletion history from the old one.
		snapshot: roomSnapshotOf(kept, 0),
		humanIdCounters: allocatorFor(records, counters).toJSON(),
		elements: extractElements({ documents: kept.map((state) => ({ state })) }),
	}
}
