import type { DecisionKind, DecisionRecord } from './records/decisionRecord'
import { compareByTimeThenId } from './sessionStatus'

// What a decision must say for each kind, and how a threat's decisions read as a history. Pure and
// React-free: the room checks a decision with these rules, the decide form can use the same ones.

/** The fields a decision may carry besides its kind; which of them matter depends on the kind. */
export type DecisionDetailField = 'rationale' | 'mitigation' | 'owner' | 'dueDate' | 'issueUrl' | 'reviewDate' | 'deferUntil' | 'transferTo'

const DETAIL_FIELDS = [
	'rationale',
	'mitigation',
	'owner',
	'dueDate',
	'issueUrl',
	'reviewDate',
	'deferUntil',
	'transferTo',
] as const satisfies readonly DecisionDetailField[]

/** Required per kind, in the order a form asks for them (the room names the first one missing). */
export const DECISION_REQUIRED_FIELDS = {
	mitigate: ['mitigation', 'owner', 'dueDate'],
	accept: ['rationale', 'reviewDate'],
	defer: ['deferUntil', 'rationale'],
	transfer: ['transferTo', 'rationale'],
} as const satisfies Record<DecisionKind, readonly DecisionDetailField[]>

/** Kept when given but not required: a mitigation may link the issue that tracks it. */
const OPTIONAL_FIELDS: Record<DecisionKind, readonly DecisionDetailField[]> = {
	mitigate: ['issueUrl'],
	accept: [],
	defer: [],
	transfer: [],
}

/** The first required field of the decision's kind that is empty (blank counts as empty), or null. */
export function missingDecisionField(decision: Pick<DecisionRecord, 'kind' | DecisionDetailField>): DecisionDetailField | null {
	const required: readonly DecisionDetailField[] = DECISION_REQUIRED_FIELDS[decision.kind]
	return required.find((field) => decision[field].trim() === '') ?? null
}

/**
 * The decision as stored: text trimmed, and the fields that do not belong to its kind emptied, so
 * an accepted risk never shows a stale owner from a form that switched kinds.
 */
export function normalisedDecision<D extends Pick<DecisionRecord, 'kind' | DecisionDetailField | 'onBehalfOf'>>(decision: D): D {
	const kept = new Set<DecisionDetailField>([...DECISION_REQUIRED_FIELDS[decision.kind], ...OPTIONAL_FIELDS[decision.kind]])
	const details = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, kept.has(field) ? decision[field].trim() : '']))
	return { ...decision, ...details, onBehalfOf: decision.onBehalfOf.trim() }
}

/** What ordering needs of a decision: a record, a table row or an API item alike. */
export interface DecisionLike {
	id: string
	threatId: string
	decidedAt: number
}

/** Oldest first: by the room's stamp, then by id, so every reader agrees on which one is in force. */
function compareDecisions(a: DecisionLike, b: DecisionLike): number {
	return compareByTimeThenId({ id: a.id, at: a.decidedAt }, { id: b.id, at: b.decidedAt })
}

/** Each threat's decisions, oldest first; the last one of a history is in force. */
export function decisionHistories<D extends DecisionLike>(decisions: readonly D[]): Map<string, D[]> {
	const byThreat = new Map<string, D[]>()
	for (const decision of [...decisions].sort(compareDecisions)) {
		const history = byThreat.get(decision.threatId)
		if (history) history.push(decision)
		else byThreat.set(decision.threatId, [decision])
	}
	return byThreat
}

/** The decision in force on one threat, or null while it is undecided. */
export function decisionInForce<D extends DecisionLike>(decisions: readonly D[], threatId: string): D | null {
	return (
		decisionHistories(decisions.filter((decision) => decision.threatId === threatId))
			.get(threatId)
			?.at(-1) ?? null
	)
}
