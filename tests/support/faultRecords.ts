import type { TLPageId, TLRecord, TLShape } from '@tldraw/tlschema'
import type { DecisionId } from '@/lib/session/records/decisionRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import { fixtureDecision, fixtureThreat, fixtureVote } from '@/fixtures/workshopRecords'
import { dfdShape } from './canvasRecords'
import { OTHERS_THREAT_ID, OWN_THREAT_ID, SEED_PROCESS_ID } from './roleActions'
import type { TestClient } from './syncClient'

// The writes of a workshop in full swing, for the fault tests: each person adds threats and votes,
// the product owner decides, the facilitator draws, moves and agrees values — all at once, round
// after round, in a session seeded by roleActions' seededCanvas.

const PAGE = 'page:page' as TLPageId

export interface WorkshopPeople {
	facilitator: TestClient
	participant: TestClient
	productOwner: TestClient
	participantId: string
	productOwnerId: string
}

/** Writes round `round` from all three at once; returns the ids each wrote, to check later. */
export function writeRound(
	{ facilitator, participant, productOwner, participantId, productOwnerId }: WorkshopPeople,
	round: number,
	tag: string,
): Map<TestClient, string[]> {
	const written = new Map<TestClient, string[]>()
	const put = (client: TestClient, records: TLRecord[]) => {
		client.store.put(records)
		written.set(client, [...(written.get(client) ?? []), ...records.map((record) => record.id)])
	}

	const drawn = dfdShape('dfd-process', PAGE, { name: `${tag} process ${round}` })
	const seed = facilitator.store.get(SEED_PROCESS_ID) as TLShape | undefined
	const others = facilitator.store.get(OTHERS_THREAT_ID)
	put(facilitator, [drawn])
	if (seed) put(facilitator, [{ ...seed, x: 100 + round * 37, y: 200 + round * 11 }])
	if (others) put(facilitator, [{ ...others, agreedLikelihood: (round % 5) + 1, agreedImpact: ((round + 2) % 5) + 1 }])

	put(participant, [
		fixtureThreat({ id: `threat:${tag}-pat-${round}` as ThreatId, title: `${tag}: written by Pat in round ${round}`, shapeId: SEED_PROCESS_ID }),
	])
	// A re-vote from the second round on: an update of the same record.
	put(participant, [vote(participant, OTHERS_THREAT_ID, participantId, (round % 5) + 1, 5)])

	put(productOwner, [
		fixtureThreat({
			id: `threat:${tag}-pol-${round}` as ThreatId,
			title: `${tag}: written by Pol in round ${round}`,
			shapeId: SEED_PROCESS_ID,
			categories: ['T'],
		}),
		vote(productOwner, OWN_THREAT_ID, productOwnerId, 2, (round % 5) + 1),
		fixtureDecision({ id: `decision:${tag}-${round}` as DecisionId, threatId: OTHERS_THREAT_ID, mitigation: `Round ${round} mitigation` }),
	])
	return written
}

/** A first vote, or a re-vote keeping what the room stamped on the first (voter, time). */
function vote(client: TestClient, threatId: ThreatId, voterId: string, likelihood: number, impact: number): VoteRecord {
	const first = fixtureVote(threatId, voterId)
	const existing = client.store.get(first.id)
	return existing ? { ...existing, likelihood, impact } : { ...first, likelihood, impact }
}

/** The records as `client` holds them now, by id; throws for one it does not hold. */
export function recordsOf(client: TestClient, ids: readonly string[]): TLRecord[] {
	return ids.map((id) => {
		const record = client.store.get(id as TLRecord['id'])
		if (!record) throw new Error(`${id} is not in the client's store`)
		return record
	})
}

/** True once the room has answered every push of every client and stamped what it stamps. */
export function allAcknowledged(clients: readonly TestClient[]): boolean {
	return clients.every(
		(client) =>
			client.pending().size === 0 &&
			client.store.allRecords().every((record) => {
				if (record.typeName === 'threat') return record.humanId !== ''
				if (record.typeName === 'vote') return record.votedAt !== 0
				if (record.typeName === 'decision') return record.decidedAt !== 0
				return true
			}),
	)
}

/** Resolves at the first turn of the event loop on which `condition` holds (no polling interval). */
export async function firstTurnWhen(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
	const deadline = Date.now() + timeoutMs
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
		await new Promise((resolve) => setImmediate(resolve))
	}
	return Date.now()
}
