import { parseCvss31 } from '@/lib/risk/cvss31'
import { asRiskLevel } from '@/lib/risk/riskScore'
import { effectivePriority } from '@/lib/risk/threatPriority'
import { modelRating } from './modelRating'
import { byTimeThenId, compareThreats } from './ordering'
import type { ModelCvss, ModelDecision, ModelThreat, ModelVote } from './sessionModel'
import type { DecisionInput, ThreatInput, VoteInput } from './sessionModelInput'

export function isoInstant(epochMs: number): string {
	return new Date(epochMs).toISOString()
}

/** Records keep '' for "no date / no link"; the export says null, which no reader mistakes for a value. */
export function orNull(value: string): string | null {
	return value === '' ? null : value
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>()
	for (const item of items) {
		const list = groups.get(key(item)) ?? []
		list.push(item)
		groups.set(key(item), list)
	}
	return groups
}

function toModelVote(vote: VoteInput): ModelVote {
	return {
		voterName: vote.voterName,
		likelihood: asRiskLevel(vote.likelihood, 'likelihood'),
		impact: asRiskLevel(vote.impact, 'impact'),
		votedAt: isoInstant(vote.votedAt),
	}
}

function toModelDecision(decision: DecisionInput): ModelDecision {
	return {
		id: decision.id,
		kind: decision.kind,
		rationale: decision.rationale,
		mitigation: decision.mitigation,
		owner: decision.owner,
		dueDate: orNull(decision.dueDate),
		issueUrl: orNull(decision.issueUrl),
		reviewDate: orNull(decision.reviewDate),
		deferUntil: orNull(decision.deferUntil),
		transferTo: decision.transferTo,
		onBehalfOf: decision.onBehalfOf,
		decidedBy: decision.decidedBy,
		decidedByName: decision.decidedByName,
		decidedAt: isoInstant(decision.decidedAt),
	}
}

/** The human IDs of scope items a threat names, in the order given; an item no longer there is dropped. */
function scopeHumanIds(ids: readonly string[] | undefined, humanIdOfScopeItem: ReadonlyMap<string, string>): string[] {
	return (ids ?? []).flatMap((id) => {
		const humanId = humanIdOfScopeItem.get(id)
		return humanId === undefined ? [] : [humanId]
	})
}

function cvssOf(vector: string | null | undefined): ModelCvss | null {
	if (vector == null) return null
	const parsed = parseCvss31(vector)
	return parsed.ok ? { ...parsed.value } : null
}

/** Where a threat's scope links point: scope item ids to their human IDs, per kind. */
export interface ScopeLinkTargets {
	assets: ReadonlyMap<string, string>
	agents: ReadonlyMap<string, string>
}

const byVoteTime = (a: VoteInput, b: VoteInput) => a.votedAt - b.votedAt || (a.voterName < b.voterName ? -1 : a.voterName > b.voterName ? 1 : 0)
const byDecisionTime = byTimeThenId<DecisionInput>((decision) => decision.decidedAt)

/**
 * The live threats with their votes and decision history. Deleted threats are left out: deletion
 * is a soft flag for undo and audit inside the session, not something a report should show.
 */
export function buildThreats(
	threats: readonly ThreatInput[],
	votes: readonly VoteInput[],
	decisions: readonly DecisionInput[],
	humanIdOfShape: ReadonlyMap<string, string>,
	scopeLinks: ScopeLinkTargets = { assets: new Map(), agents: new Map() },
): ModelThreat[] {
	const votesByThreat = groupBy(votes, (vote) => vote.threatId)
	const decisionsByThreat = groupBy(decisions, (decision) => decision.threatId)
	return threats
		.filter((threat) => !threat.isDeleted)
		.map((threat) => {
			const history = [...(decisionsByThreat.get(threat.id) ?? [])].sort(byDecisionTime).map(toModelDecision)
			const rated = {
				likelihood: asRiskLevel(threat.likelihood, 'likelihood'),
				impact: asRiskLevel(threat.impact, 'impact'),
				agreedLikelihood: threat.agreedLikelihood === null ? null : asRiskLevel(threat.agreedLikelihood, 'likelihood'),
				agreedImpact: threat.agreedImpact === null ? null : asRiskLevel(threat.agreedImpact, 'impact'),
			}
			const effective = modelRating(rated)
			const priority = threat.priority ?? null
			return {
				id: threat.id,
				humanId: threat.humanId,
				elementShapeId: threat.shapeId,
				elementHumanId: threat.shapeId === null ? null : (humanIdOfShape.get(threat.shapeId) ?? null),
				categories: [...threat.categories],
				title: threat.title,
				description: threat.description,
				...rated,
				effective,
				// Filled from the mitigation records by withMitigationSummaries (buildMitigations.ts).
				mitigation: '',
				owner: '',
				dueDate: null,
				issueUrl: null,
				mitigationIds: [],
				status: threat.status,
				severity: threat.severity ?? 'Unknown',
				cvss: cvssOf(threat.cvssVector),
				priority,
				effectivePriority: effectivePriority(priority, effective.score),
				includeInReport: threat.includeInReport ?? true,
				assetHumanIds: scopeHumanIds(threat.assetIds, scopeLinks.assets),
				agentHumanIds: scopeHumanIds(threat.agentIds, scopeLinks.agents),
				createdByName: threat.createdByName,
				createdAt: isoInstant(threat.createdAt),
				votes: [...(votesByThreat.get(threat.id) ?? [])].sort(byVoteTime).map(toModelVote),
				decisions: history,
				decision: history.at(-1) ?? null,
				source: threat.source ? { ...threat.source } : null,
			}
		})
		.sort(compareThreats)
}
