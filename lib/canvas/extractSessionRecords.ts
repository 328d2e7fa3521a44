import type { TLRecord } from '@tldraw/tlschema'
import { z } from 'zod'
import { threatroomSchema } from './threatroomSchema'
import type { DecisionRecord } from '../session/records/decisionRecord'
import type { MitigationRecord } from '../session/records/mitigationRecord'
import type { NaMarkRecord } from '../session/records/naMarkRecord'
import type { ScopeItemRecord } from '../session/records/scopeItemRecord'
import type { SessionEventRecord } from '../session/records/sessionEventRecord'
import type { ThreatRecord } from '../session/records/threatRecord'
import type { VoteRecord } from '../session/records/voteRecord'
import type { PhaseEventRecord, TimerEventRecord, WalkRecord } from '../session/records/walkRecords'
import { SESSION_OBJECT_TYPES } from '../session/sessionRecords'

/** The workshop records of one saved room, by type, each checked against the room's own validator. */
export interface SessionRecordSet {
	threats: ThreatRecord[]
	votes: VoteRecord[]
	naMarks: NaMarkRecord[]
	scopeItems: ScopeItemRecord[]
	walk: WalkRecord | null
	phaseEvents: PhaseEventRecord[]
	timerEvents: TimerEventRecord[]
	decisions: DecisionRecord[]
	sessionEvents: SessionEventRecord[]
	mitigations: MitigationRecord[]
}

interface RecordIssue {
	path: string
	message: string
}

export type ExtractSessionRecordsResult = { ok: true; records: SessionRecordSet } | { ok: false; issues: RecordIssue[] }

export function emptySessionRecordSet(): SessionRecordSet {
	return {
		threats: [],
		votes: [],
		naMarks: [],
		scopeItems: [],
		walk: null,
		phaseEvents: [],
		timerEvents: [],
		decisions: [],
		sessionEvents: [],
		mitigations: [],
	}
}

// The snapshot is the room's to interpret; only entries that claim to be a workshop record matter here.
const snapshotFrame = z.looseObject({ documents: z.array(z.unknown()).optional() })
const recordEntry = z.looseObject({ state: z.looseObject({ id: z.string(), typeName: z.string() }) })

const recordTypes = new Map(Object.entries(threatroomSchema.types).filter(([typeName]) => SESSION_OBJECT_TYPES.includes(typeName)))

/**
 * The workshop records in a saved room snapshot, for the app's tables. Pure. The app does not take
 * the party's word for them: every record goes through the same tldraw validator the room uses,
 * and one that fails (or a duplicate id) makes the whole save invalid rather than half-projected.
 */
export function extractSessionRecords(snapshot: unknown): ExtractSessionRecordsResult {
	const frame = snapshotFrame.safeParse(snapshot)
	if (!frame.success) return { ok: false, issues: [{ path: 'snapshot.documents', message: 'Expected an array' }] }

	const records = emptySessionRecordSet()
	const issues: RecordIssue[] = []
	const seen = new Set<string>()
	;(frame.data.documents ?? []).forEach((document, index) => {
		const entry = recordEntry.safeParse(document)
		const recordType = entry.success ? recordTypes.get(entry.data.state.typeName) : undefined
		if (!entry.success || !recordType) return
		const path = `snapshot.documents.${index}.state`
		if (seen.has(entry.data.state.id)) {
			issues.push({ path: `${path}.id`, message: `Duplicate record id ${entry.data.state.id}` })
			return
		}
		seen.add(entry.data.state.id)
		try {
			add(records, recordType.validate(entry.data.state))
		} catch (error) {
			issues.push({ path, message: error instanceof Error ? error.message : String(error) })
		}
	})
	return issues.length > 0 ? { ok: false, issues } : { ok: true, records }
}

/**
 * The workshop records among records the room's schema has already validated (a saved snapshot
 * read back with readStoreRecords), grouped by type: nothing is validated twice.
 */
export function sessionRecordsOf(validated: readonly TLRecord[]): SessionRecordSet {
	const records = emptySessionRecordSet()
	for (const record of validated) add(records, record)
	return records
}

function add(records: SessionRecordSet, record: TLRecord): void {
	switch (record.typeName) {
		case 'threat':
			return void records.threats.push(record)
		case 'vote':
			return void records.votes.push(record)
		case 'na-mark':
			return void records.naMarks.push(record)
		case 'scope-item':
			return void records.scopeItems.push(record)
		case 'walk':
			records.walk = record
			return
		case 'phase-event':
			return void records.phaseEvents.push(record)
		case 'timer-event':
			return void records.timerEvents.push(record)
		case 'decision':
			return void records.decisions.push(record)
		case 'session-event':
			return void records.sessionEvents.push(record)
		case 'mitigation':
			return void records.mitigations.push(record)
	}
}
