import type { RecordId } from '@tldraw/store'
import type { TLShapeId } from '@tldraw/tlschema'
import type { MitigationId, MitigationRecord } from './records/mitigationRecord'
import type { DecisionId, DecisionRecord } from './records/decisionRecord'
import { naMarkIdFor, type NaMarkRecord } from './records/naMarkRecord'
import type { ScopeItemRecord } from './records/scopeItemRecord'
import type { SessionEventId, SessionEventRecord } from './records/sessionEventRecord'
import { defaultThreatTriage, type ThreatId, type ThreatRecord } from './records/threatRecord'
import { voteIdFor, type VoteRecord } from './records/voteRecord'
import {
	DEFAULT_PHASE_MINUTES,
	type PhaseEventRecord,
	type TimerEventRecord,
	WALK_ID,
	type WalkRecord,
} from './records/walkRecords'

// Workshop records as a client would push them, valid against the schema, with fixed ids, for the
// room's rule, projection and API tests: each test states only the fields it is about. Not used by
// production code.

export const FIXTURE_SHAPE_ID = 'shape:checkout' as TLShapeId

export function fixtureThreat(overrides: Partial<ThreatRecord> = {}): ThreatRecord {
	return {
		id: 'threat:t1' as ThreatId,
		typeName: 'threat',
		humanId: '',
		shapeId: FIXTURE_SHAPE_ID,
		categories: ['S'],
		title: 'Session cookie can be replayed',
		description: '',
		likelihood: 3,
		impact: 4,
		agreedLikelihood: null,
		agreedImpact: null,
		status: 'Open',
		...defaultThreatTriage(),
		sourceRuleId: null,
		createdBy: '',
		createdByName: '',
		createdAt: 0,
		isDeleted: false,
		...overrides,
	}
}

export function fixtureVote(threatId: ThreatId, voterId: string, overrides: Partial<VoteRecord> = {}): VoteRecord {
	return {
		id: voteIdFor(threatId, voterId),
		typeName: 'vote',
		threatId,
		voterId,
		voterName: '',
		likelihood: 2,
		impact: 5,
		votedAt: 0,
		...overrides,
	}
}

export function fixtureNaMark(shapeId: TLShapeId, category: string, overrides: Partial<NaMarkRecord> = {}): NaMarkRecord {
	return {
		id: naMarkIdFor(shapeId, category),
		typeName: 'na-mark',
		shapeId,
		category,
		reason: 'Only reachable from the internal network',
		markedBy: '',
		markedByName: '',
		markedAt: 0,
		...overrides,
	}
}

export function fixtureScopeItem(overrides: Partial<ScopeItemRecord> = {}): ScopeItemRecord {
	return {
		id: 'scope-item:s1' as RecordId<ScopeItemRecord>,
		typeName: 'scope-item',
		kind: 'asset',
		humanId: '',
		title: 'Card numbers',
		description: '',
		confidentiality: 'high',
		integrity: 'high',
		availability: 'medium',
		inScope: true,
		createdAt: 0,
		...overrides,
	}
}

export function fixtureWalk(overrides: Partial<WalkRecord> = {}): WalkRecord {
	return { id: WALK_ID, typeName: 'walk', focusShapeId: null, phaseMinutes: { ...DEFAULT_PHASE_MINUTES }, ...overrides }
}

export function fixturePhaseEvent(overrides: Partial<PhaseEventRecord> = {}): PhaseEventRecord {
	return {
		id: 'phase-event:e1' as RecordId<PhaseEventRecord>,
		typeName: 'phase-event',
		phase: 'analyse',
		at: 0,
		by: '',
		byName: '',
		...overrides,
	}
}

export function fixtureTimerEvent(overrides: Partial<TimerEventRecord> = {}): TimerEventRecord {
	return {
		id: 'timer-event:e1' as RecordId<TimerEventRecord>,
		typeName: 'timer-event',
		phase: 'analyse',
		action: 'start',
		amountMs: 0,
		at: 0,
		by: '',
		byName: '',
		...overrides,
	}
}

/** A mitigation of threat:t1 as the panel would push it, before the room stamps it. */
export function fixtureMitigation(overrides: Partial<MitigationRecord> = {}): MitigationRecord {
	return {
		id: 'mitigation:m1' as MitigationId,
		typeName: 'mitigation',
		humanId: '',
		threatIds: ['threat:t1' as ThreatId],
		title: 'Bind the session cookie to the device',
		description: '',
		kind: 'design',
		status: 'planned',
		owner: 'Identity team',
		dueDate: '2026-03-31',
		acceptanceCriteria: 'A replayed cookie from another device is refused',
		verification: 'Replay test in the integration suite',
		issueUrl: '',
		createdBy: '',
		createdByName: '',
		createdAt: 0,
		...overrides,
	}
}

/** A complete decision to mitigate threat:t1, as the decide form would push it. */
export function fixtureDecision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
	return {
		id: 'decision:d1' as DecisionId,
		typeName: 'decision',
		threatId: 'threat:t1' as ThreatId,
		kind: 'mitigate',
		rationale: '',
		mitigation: 'Bind the session cookie to the device',
		owner: 'Payments team',
		dueDate: '2026-03-31',
		issueUrl: '',
		reviewDate: '',
		deferUntil: '',
		transferTo: '',
		onBehalfOf: '',
		decidedBy: '',
		decidedByName: '',
		decidedAt: 0,
		...overrides,
	}
}

/** The facilitator ending the session, with the next one planned. */
export function fixtureSessionEvent(overrides: Partial<SessionEventRecord> = {}): SessionEventRecord {
	return {
		id: 'session-event:e1' as SessionEventId,
		typeName: 'session-event',
		action: 'end',
		nextSessionDate: '2026-04-15',
		at: 0,
		by: '',
		byName: '',
		...overrides,
	}
}
