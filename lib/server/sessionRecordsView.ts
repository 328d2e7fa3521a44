import 'server-only'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import type { StoredDecision, StoredSessionRecords, StoredThreat, StoredVote } from '@/lib/db/sessionRecordsRepo'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { decisionHistories } from '@/lib/session/decisions'
import { effectiveRating } from '@/lib/session/effectiveRating'
import { sessionCoverage } from '@/lib/session/sessionCoverage'
import { DEFAULT_PHASE_MINUTES, PHASES } from '@/lib/session/records/walkRecords'
import type { DecisionResponse, SessionRecordsResponse, ThreatResponse } from '@/lib/api/sessionRecordSchemas'

/**
 * The workshop part of `GET /api/sessions/:id`: the stored records with what the reader would
 * otherwise recompute — each threat's votes, decision history and decision in force, its effective
 * rating and risk band — and the coverage of the session's framework over its elements. Pure.
 * A decision whose threat is not among the threats (the room cannot check that) is left out.
 */
export function sessionRecordsView(framework: FrameworkId, elements: readonly DfdElement[], stored: StoredSessionRecords): SessionRecordsResponse {
	const votesByThreat = new Map<string, StoredVote[]>()
	for (const vote of stored.votes) votesByThreat.set(vote.threatId, [...(votesByThreat.get(vote.threatId) ?? []), vote])
	const historyByThreat = decisionHistories(stored.decisions)
	const latestPhase = stored.phaseEvents.at(-1) ?? null
	return {
		threats: stored.threats.map((threat) => threatView(threat, votesByThreat.get(threat.id) ?? [], historyByThreat.get(threat.id) ?? [])),
		naMarks: stored.naMarks,
		scopeItems: stored.scopeItems,
		phaseEvents: stored.phaseEvents,
		timerEvents: stored.timerEvents,
		sessionEvents: stored.sessionEvents,
		walk: {
			focusShapeId: stored.walk?.focusShapeId ?? null,
			phaseMinutes: stored.walk?.phaseMinutes ?? { ...DEFAULT_PHASE_MINUTES },
			phase: latestPhase?.phase ?? PHASES[0],
			phaseStartedAt: latestPhase?.at ?? null,
		},
		coverage: coverageView(framework, elements, stored),
	}
}

function coverageView(framework: FrameworkId, elements: readonly DfdElement[], stored: StoredSessionRecords): SessionRecordsResponse['coverage'] {
	const coverage = sessionCoverage(framework, elements, stored.threats, stored.naMarks)
	return {
		...coverage,
		perElement: coverage.perElement.map((element) => ({
			elementId: element.elementId,
			applicable: [...element.applicable],
			covered: [...element.covered],
			uncovered: [...element.uncovered],
		})),
	}
}

function threatView(threat: StoredThreat, votes: readonly StoredVote[], history: readonly StoredDecision[]): ThreatResponse {
	const rating = effectiveRating(threat)
	const decisions = history.map(({ threatId: _, ...decision }): DecisionResponse => decision)
	return {
		...threat,
		effectiveLikelihood: rating.likelihood,
		effectiveImpact: rating.impact,
		riskScore: rating.score,
		riskBand: rating.band.name,
		votes: votes.map(({ threatId: _, ...vote }) => vote),
		decisions,
		decision: decisions.at(-1) ?? null,
	}
}
