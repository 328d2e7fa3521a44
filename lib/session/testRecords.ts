/**
 * Workshop records for tests: complete, valid records with boring defaults, so each test states
 * only what it is about. Not used by production code.
 */
import type { RecordId } from '@tldraw/store'
import type { TLShapeId } from '@tldraw/tlschema'
import { defaultThreatTriage, type ThreatId, type ThreatRecord } from './records/threatRecord'
import type { Phase, PhaseEventRecord, TimerAction, TimerEventRecord } from './records/walkRecords'

let counter = 0
const nextId = () => `t${++counter}`

export function testPhaseEvent(phase: Phase, at: number, id = nextId()): PhaseEventRecord {
	return { id: `phase-event:${id}` as RecordId<PhaseEventRecord>, typeName: 'phase-event', phase, at, by: 'u1', byName: 'Fiona' }
}

export function testTimerEvent(
	phase: Phase,
	action: TimerAction,
	at: number,
	{ amountMs = 0, id = nextId() }: { amountMs?: number; id?: string } = {},
): TimerEventRecord {
	return {
		id: `timer-event:${id}` as RecordId<TimerEventRecord>,
		typeName: 'timer-event',
		phase,
		action,
		amountMs,
		at,
		by: 'u1',
		byName: 'Fiona',
	}
}

export function testThreat(overrides: Partial<ThreatRecord> = {}): ThreatRecord {
	return {
		id: `threat:${nextId()}` as ThreatId,
		typeName: 'threat',
		humanId: 'T-001',
		shapeId: 'shape:flow' as TLShapeId,
		categories: ['T'],
		title: 'Tampered order total',
		description: '',
		likelihood: 3,
		impact: 3,
		agreedLikelihood: null,
		agreedImpact: null,
		status: 'Open',
		...defaultThreatTriage(),
		sourceRuleId: null,
		createdBy: 'u2',
		createdByName: 'Pat',
		createdAt: 1,
		isDeleted: false,
		...overrides,
	}
}
