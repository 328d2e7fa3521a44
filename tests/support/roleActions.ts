import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import type { RecordId } from '@tldraw/store'
import type { TLPageId, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { HumanIdCounters, StoredCanvasState } from '@/lib/api/internalSchemas'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import type { RejectedMessage } from '@/lib/protocol/customMessages'
import type { DecisionId } from '@/lib/session/records/decisionRecord'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { SessionEventId } from '@/lib/session/records/sessionEventRecord'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import { type PhaseEventRecord, type TimerEventRecord, WALK_ID } from '@/lib/session/records/walkRecords'
import {
	fixtureDecision,
	fixtureMitigation,
	fixtureNaMark,
	fixturePhaseEvent,
	fixtureScopeItem,
	fixtureSessionEvent,
	fixtureThreat,
	fixtureTimerEvent,
	fixtureVote,
	fixtureWalk,
} from '@/fixtures/workshopRecords'
import { metadataEntry, reviewEvent } from '@/lib/session/metadataFactories'
import { newAttackGoal, newParkedQuestion } from '@/lib/session/notebookFactories'
import type { MitigationId } from '@/lib/session/records/mitigationRecord'
import { dfdShape } from './canvasRecords'
import type { RoleAction } from '@/fixtures/roleMatrix'
import type { TestClient } from './syncClient'

// How each action of the role matrix (roleMatrix.ts) is attempted by a headless client, and how
// to tell whether it landed, in a session seeded with a process, two threats and the walk.

/** The page of tldraw's initial document, which every seeded room has. */
const PAGE_ID = 'page:page' as TLPageId
export const SEED_PROCESS_ID = 'shape:checkout' as TLShapeId
export const OWN_THREAT_ID = 'threat:own' as ThreatId
export const OTHERS_THREAT_ID = 'threat:others' as ThreatId
export const OTHER_USER_ID = 'someone-else'

/**
 * A saved room as the app would load it: process P1, T-001 written by the actor, T-002 by someone
 * else, and the walk settings (no focus yet), plus any `extra` records (e.g. an earlier end).
 */
export function seededCanvas(actorUserId: string, extra: readonly TLRecord[] = []): StoredCanvasState {
	const records: TLRecord[] = [
		dfdShape('dfd-process', PAGE_ID, { humanId: 'P1', name: 'Checkout' }, SEED_PROCESS_ID),
		fixtureThreat({ id: OWN_THREAT_ID, humanId: 'T-001', createdBy: actorUserId, createdByName: 'Actor', createdAt: 1 }),
		fixtureThreat({ id: OTHERS_THREAT_ID, humanId: 'T-002', createdBy: OTHER_USER_ID, createdByName: 'Other', createdAt: 2 }),
		fixtureWalk(),
		...extra,
	]
	const humanIdCounters: HumanIdCounters = { P: 1, T: 2 }
	return {
		snapshot: {
			...DEFAULT_INITIAL_SNAPSHOT,
			documentClock: 1,
			schema: threatroomSchema.serialize(),
			documents: [...DEFAULT_INITIAL_SNAPSHOT.documents, ...records.map((state) => ({ state, lastChangedClock: 1 }))],
		},
		clock: 1,
		humanIdCounters,
	}
}

/** One write sent to the room, and how to recognise it in a set of records. */
export interface Attempt extends Pick<RejectedMessage, 'recordType' | 'recordId' | 'action'> {
	landed(records: readonly TLRecord[]): boolean
}

function find(records: readonly TLRecord[], id: string): TLRecord | undefined {
	return records.find((record) => record.id === id)
}

/** Whether the record with `id` has every value of `change` (key order aside). */
function hasChange(records: readonly TLRecord[], id: string, change: object): boolean {
	const record = find(records, id)
	return record !== undefined && Object.entries(change).every(([key, value]) => JSON.stringify(Reflect.get(record, key)) === JSON.stringify(value))
}

function create(actor: TestClient, record: TLRecord): Attempt {
	actor.store.put([record])
	return {
		recordType: record.typeName,
		recordId: record.id,
		action: 'create',
		landed: (records) => find(records, record.id) !== undefined,
	}
}

function updateThreat(actor: TestClient, id: ThreatId, change: Partial<ThreatRecord>): Attempt {
	const threat = actor.store.get(id)
	if (!threat) throw new Error(`${id} is not in the actor's store`)
	actor.store.put([{ ...threat, ...change }])
	return { recordType: 'threat', recordId: id, action: 'update', landed: (records) => hasChange(records, id, change) }
}

const CHANGED_TITLE = 'Edited in the role matrix'

export const ROLE_ACTION_ATTEMPTS: Record<RoleAction, (actor: TestClient, actorUserId: string) => Attempt> = {
	canvasEdit: (actor) => {
		const shape: TLShape = dfdShape('dfd-store', PAGE_ID, { name: 'Orders' })
		return create(actor, shape)
	},
	threatAdd: (actor) => create(actor, fixtureThreat({ id: 'threat:added' as ThreatId, title: 'Added in the role matrix' })),
	threatEditOwn: (actor) => updateThreat(actor, OWN_THREAT_ID, { title: CHANGED_TITLE, description: 'Rotate the keys' }),
	threatEditOthers: (actor) => updateThreat(actor, OTHERS_THREAT_ID, { title: CHANGED_TITLE }),
	threatSoftDeleteOwn: (actor) => updateThreat(actor, OWN_THREAT_ID, { isDeleted: true }),
	vote: (actor, actorUserId) => create(actor, fixtureVote(OTHERS_THREAT_ID, actorUserId, { likelihood: 4, impact: 5 })),
	agreedValues: (actor) => updateThreat(actor, OTHERS_THREAT_ID, { agreedLikelihood: 5, agreedImpact: 5 }),
	naMark: (actor) => create(actor, fixtureNaMark(SEED_PROCESS_ID, 'R')),
	phaseChange: (actor) => create(actor, fixturePhaseEvent({ id: 'phase-event:matrix' as RecordId<PhaseEventRecord>, phase: 'analyse' })),
	timerStart: (actor) => create(actor, fixtureTimerEvent({ id: 'timer-event:matrix' as RecordId<TimerEventRecord>, action: 'start' })),
	focusChange: (actor) => {
		const change = { focusShapeId: SEED_PROCESS_ID }
		actor.store.put([{ ...(actor.store.get(WALK_ID) ?? fixtureWalk()), ...change }])
		return { recordType: 'walk', recordId: WALK_ID, action: 'update', landed: (records) => hasChange(records, WALK_ID, change) }
	},
	scopeItemAdd: (actor) => create(actor, fixtureScopeItem({ id: 'scope-item:matrix' as RecordId<ScopeItemRecord>, kind: 'useCase', title: 'Pay' })),
	decide: (actor) => create(actor, fixtureDecision({ id: 'decision:matrix' as DecisionId, threatId: OTHERS_THREAT_ID })),
	decideOnBehalf: (actor) => create(actor, fixtureDecision({ id: 'decision:matrix' as DecisionId, threatId: OTHERS_THREAT_ID, onBehalfOf: 'Paula (PO)' })),
	sessionEnd: (actor) => create(actor, fixtureSessionEvent({ id: 'session-event:matrix' as SessionEventId })),
	metadataEdit: (actor) => create(actor, metadataEntry(SEED_PROCESS_ID, 'env', 'prod')),
	reviewStatusSet: (actor) =>
		create(
			actor,
			reviewEvent('pendingReview', () => 'matrix'),
		),
	mitigationPropose: (actor) => create(actor, fixtureMitigation({ id: 'mitigation:matrix' as MitigationId, threatIds: [OTHERS_THREAT_ID] })),
	attackTreeStart: (actor) =>
		create(
			actor,
			newAttackGoal('Replay a stolen session cookie', OTHERS_THREAT_ID, () => 'matrix'),
		),
	questionPark: (actor) =>
		create(
			actor,
			newParkedQuestion('What if the payment provider is down?', SEED_PROCESS_ID, () => 'matrix'),
		),
}
