import type { CustomRecordInfo } from '@tldraw/tlschema'
import { ATTACK_NODE_TYPE, attackNodeRecordConfig } from './records/attackNodeRecord'
import { ATTENDANCE_TYPE, attendanceRecordConfig } from './records/attendanceRecord'
import { DECISION_TYPE, decisionRecordConfig } from './records/decisionRecord'
import { METADATA_ENTRY_TYPE, metadataEntryRecordConfig } from './records/metadataEntryRecord'
import { MITIGATION_TYPE, mitigationRecordConfig } from './records/mitigationRecord'
import { HISTORY_ENTRY_TYPE, historyEntryRecordConfig } from './records/historyEntryRecord'
import { NA_MARK_TYPE, naMarkRecordConfig } from './records/naMarkRecord'
import { PARKED_QUESTION_TYPE, parkedQuestionRecordConfig } from './records/parkedQuestionRecord'
import { REVIEW_EVENT_TYPE, reviewEventRecordConfig } from './records/reviewEventRecord'
import { SCOPE_ITEM_TYPE, scopeItemRecordConfig } from './records/scopeItemRecord'
import { SESSION_EVENT_TYPE, sessionEventRecordConfig } from './records/sessionEventRecord'
import { THREAT_TYPE, threatRecordConfig } from './records/threatRecord'
import { VOTE_TYPE, voteRecordConfig } from './records/voteRecord'
import { PHASE_EVENT_TYPE, phaseEventRecordConfig, TIMER_EVENT_TYPE, timerEventRecordConfig, WALK_TYPE, walkRecordConfig } from './records/walkRecords'
import { WORKSHOP_NOTE_TYPE, workshopNoteRecordConfig } from './records/workshopNoteRecord'

/** The workshop's own record types, synced beside the canvas in the same tldraw store. */
export const sessionRecords: Record<string, CustomRecordInfo> = {
	[THREAT_TYPE]: threatRecordConfig,
	[VOTE_TYPE]: voteRecordConfig,
	[NA_MARK_TYPE]: naMarkRecordConfig,
	[SCOPE_ITEM_TYPE]: scopeItemRecordConfig,
	[WALK_TYPE]: walkRecordConfig,
	[PHASE_EVENT_TYPE]: phaseEventRecordConfig,
	[TIMER_EVENT_TYPE]: timerEventRecordConfig,
	[DECISION_TYPE]: decisionRecordConfig,
	[SESSION_EVENT_TYPE]: sessionEventRecordConfig,
	[ATTENDANCE_TYPE]: attendanceRecordConfig,
	[ATTACK_NODE_TYPE]: attackNodeRecordConfig,
	[PARKED_QUESTION_TYPE]: parkedQuestionRecordConfig,
	[WORKSHOP_NOTE_TYPE]: workshopNoteRecordConfig,
	[MITIGATION_TYPE]: mitigationRecordConfig,
	[HISTORY_ENTRY_TYPE]: historyEntryRecordConfig,
	[METADATA_ENTRY_TYPE]: metadataEntryRecordConfig,
	[REVIEW_EVENT_TYPE]: reviewEventRecordConfig,
}

/**
 * Served through the room's object-store lane: written under `objectAccess` rather than the
 * canvas's `isReadonly`, and checked per record by the room's authorizers.
 */
export const SESSION_OBJECT_TYPES = Object.keys(sessionRecords)
