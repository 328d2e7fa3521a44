import type { DecisionKind, DecisionRecord } from './records/decisionRecord'

// How the panel words a decision: the state a threat is in once decided, and who stands behind it.

/** The threat's state under the decision in force, as the register shows it. */
export const DECISION_STATE_LABEL: Record<DecisionKind, string> = {
	mitigate: 'Mitigation planned',
	accept: 'Accepted',
	defer: 'Deferred',
	transfer: 'Transferred',
}

export const UNDECIDED_LABEL = 'Undecided'

/** The choice as the product owner makes it, on the form's buttons. */
export const DECISION_CHOICE_LABEL: Record<DecisionKind, string> = {
	mitigate: 'Mitigate',
	accept: 'Accept',
	defer: 'Defer',
	transfer: 'Transfer',
}

type Attribution = Pick<DecisionRecord, 'decidedByName' | 'onBehalfOf'>

/**
 * "by Paula", or "recorded by Fiona on behalf of Paula" when the facilitator typed it in for a
 * product owner: the person accountable and the person who pressed the button are both on record.
 */
export function decidedByText({ decidedByName, onBehalfOf }: Attribution): string {
	// The room stamps the name; until its answer arrives the entry is the viewer's own.
	const recorder = decidedByName || 'you'
	return onBehalfOf ? `recorded by ${recorder} on behalf of ${onBehalfOf}` : `by ${recorder}`
}

export interface DecisionFact {
	label: string
	value: string
	/** How to show the value: a calendar day (YYYY-MM-DD) and a link are formatted, not printed raw. */
	type: 'text' | 'date' | 'url'
}

/** The facts a decision adds beyond its kind, in reading order, for the history and the summary. */
type DecisionContent = Omit<DecisionRecord, 'id' | 'typeName' | 'threatId'>

export function decisionFacts(decision: DecisionContent): DecisionFact[] {
	const facts: DecisionFact[] = []
	const add = (label: string, value: string, type: DecisionFact['type'] = 'text') => {
		if (value) facts.push({ label, value, type })
	}
	switch (decision.kind) {
		case 'mitigate':
			add('Mitigation', decision.mitigation)
			add('Owner', decision.owner)
			add('Due', decision.dueDate, 'date')
			add('Issue', decision.issueUrl, 'url')
			break
		case 'accept':
			add('Rationale', decision.rationale)
			add('Review', decision.reviewDate, 'date')
			break
		case 'defer':
			add('Until', decision.deferUntil, 'date')
			add('Reason', decision.rationale)
			break
		case 'transfer':
			add('To', decision.transferTo)
			add('Rationale', decision.rationale)
			break
	}
	return facts
}
