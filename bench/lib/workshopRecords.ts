import type { RecordId } from '@tldraw/store'
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { defaultThreatTriage, type ThreatId, type ThreatRecord } from '@/lib/session/records/threatRecord'
import { voteIdFor, type VoteRecord } from '@/lib/session/records/voteRecord'
import type { Phase, PhaseEventRecord } from '@/lib/session/records/walkRecords'
import type { BareObjectType } from '../bareParty/schema'

// The three panel events of the benchmark — a threat added, a vote, a phase change — as Threatroom
// records (stamped fields left for the room, as the panel sends them) and as the bare room's
// stand-ins: the same fields under the bare schema's type names.

export type PanelEventKind = 'threat' | 'vote' | 'phase'
export const PANEL_EVENT_KINDS: readonly PanelEventKind[] = ['threat', 'vote', 'phase']
const PHASES: readonly Phase[] = ['scope', 'diagram', 'analyse', 'decide']

export function threatRecord(serial: string, shapeId: TLShapeId): ThreatRecord {
	return {
		id: `threat:${serial}` as ThreatId,
		typeName: 'threat',
		humanId: '',
		shapeId,
		categories: ['S', 'T'],
		title: `Session cookie can be replayed (${serial})`,
		description: 'A stolen cookie lets an attacker act as the customer until it expires.',
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
	}
}

export function voteRecord(threatId: ThreatId, voterId: string, serial: number): VoteRecord {
	return {
		id: voteIdFor(threatId, voterId),
		typeName: 'vote',
		threatId,
		voterId,
		voterName: '',
		likelihood: (serial % 5) + 1,
		impact: ((serial * 3) % 5) + 1,
		votedAt: 0,
	}
}

export function phaseEventRecord(serial: string, ordinal: number): PhaseEventRecord {
	return {
		id: `phase-event:${serial}` as RecordId<PhaseEventRecord>,
		typeName: 'phase-event',
		phase: PHASES[ordinal % PHASES.length] ?? 'scope',
		at: Date.now(),
		by: '',
		byName: '',
	}
}

const BARE_TYPE: Record<PanelEventKind, BareObjectType> = { threat: 'bench-threat', vote: 'bench-vote', phase: 'bench-phase' }

/** The same record under the bare room's type: an equivalent payload, nothing stamped. */
export function asBareRecord(kind: PanelEventKind, record: ThreatRecord | VoteRecord | PhaseEventRecord): TLRecord {
	const typeName = BARE_TYPE[kind]
	const idBody = record.id.slice(record.id.indexOf(':') + 1)
	return { ...record, id: `${typeName}:${idBody}`, typeName } as unknown as TLRecord
}
