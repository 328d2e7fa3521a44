import type { RecordId } from '@tldraw/store'
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import type { ThreatId, ThreatRecord } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import type { Phase, PhaseEventRecord } from '@/lib/session/records/walkRecords'
import { fixturePhaseEvent, fixtureThreat, fixtureVote } from '@/fixtures/workshopRecords'
import type { BareObjectType } from '../bareParty/schema'

// The three panel events of the benchmark — a threat added, a vote, a phase change — as Threatroom
// records (stamped fields left for the room, as the panel sends them) and as the bare room's
// stand-ins: the same fields under the bare schema's type names. Built on the tests' workshop
// records (fixtures/, outside tests/ so the bench does not depend on the tests), so one builder
// follows the schema.

export type PanelEventKind = 'threat' | 'vote' | 'phase'
export const PANEL_EVENT_KINDS: readonly PanelEventKind[] = ['threat', 'vote', 'phase']
const PHASES: readonly Phase[] = ['scope', 'diagram', 'analyse', 'decide']

export function threatRecord(serial: string, shapeId: TLShapeId): ThreatRecord {
	return fixtureThreat({
		id: `threat:${serial}` as ThreatId,
		shapeId,
		categories: ['S', 'T'],
		title: `Session cookie can be replayed (${serial})`,
		description: 'A stolen cookie lets an attacker act as the customer until it expires.',
	})
}

export function voteRecord(threatId: ThreatId, voterId: string, serial: number): VoteRecord {
	return fixtureVote(threatId, voterId, { likelihood: (serial % 5) + 1, impact: ((serial * 3) % 5) + 1 })
}

export function phaseEventRecord(serial: string, ordinal: number): PhaseEventRecord {
	return fixturePhaseEvent({
		id: `phase-event:${serial}` as RecordId<PhaseEventRecord>,
		phase: PHASES[ordinal % PHASES.length] ?? 'scope',
		at: Date.now(),
	})
}

const BARE_TYPE: Record<PanelEventKind, BareObjectType> = { threat: 'bench-threat', vote: 'bench-vote', phase: 'bench-phase' }

/** The same record under the bare room's type: an equivalent payload, nothing stamped. */
export function asBareRecord(kind: PanelEventKind, record: ThreatRecord | VoteRecord | PhaseEventRecord): TLRecord {
	const typeName = BARE_TYPE[kind]
	const idBody = record.id.slice(record.id.indexOf(':') + 1)
	return { ...record, id: `${typeName}:${idBody}`, typeName } as unknown as TLRecord
}
