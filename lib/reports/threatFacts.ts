import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { categoryName } from '@/lib/frameworks/otherCategory'
import { riskBand } from '@/lib/risk/riskScore'
import { compareThreatHumanIds } from './ordering'
import type { ModelDecision, ModelThreat, SessionModel } from './sessionModel'

// Per-threat facts every format states the same way (Markdown, HTML, CSV, Threat Dragon).

export interface MitigationPlan {
	mitigation: string
	owner: string
	dueDate: string | null
	issueUrl: string | null
}

/**
 * Who does what by when. The product owner's `mitigate` decision is the commitment, so its fields
 * win; the threat's own fields (written during the analysis) fill whatever the decision left empty.
 */
export function mitigationPlanOf(threat: ModelThreat): MitigationPlan {
	const decided = threat.decision?.kind === 'mitigate' ? threat.decision : null
	return {
		mitigation: decided?.mitigation || threat.mitigation,
		owner: decided?.owner || threat.owner,
		dueDate: decided?.dueDate ?? threat.dueDate,
		issueUrl: decided?.issueUrl ?? threat.issueUrl,
	}
}

/** The person accountable for the decision, and who typed it in when that was someone else. */
export function decidedByLabel(decision: ModelDecision): string {
	return decision.onBehalfOf ? `${decision.onBehalfOf} (recorded by ${decision.decidedByName})` : decision.decidedByName
}

/** "Spoofing, Tampering", "Other"; an id the framework does not know (an import) is shown as it is. */
export function categoryNames(framework: FrameworkId, categories: readonly string[]): string {
	return categories.map((id) => categoryName(framework, id)).join(', ')
}

/** What a model-level threat is on, wherever an element's label would stand. */
export const WHOLE_MODEL_LABEL = 'Whole model'

/** "P1 Checkout API" for the element a threat or mark is on. */
export function componentLabelFor(model: Pick<SessionModel, 'diagrams'>): (shapeId: string | null) => string {
	const labels = new Map<string, string>()
	for (const diagram of model.diagrams) {
		for (const element of diagram.elements) {
			labels.set(element.shapeId, [element.humanId, element.name.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' '))
		}
	}
	return (shapeId) => (shapeId === null ? WHOLE_MODEL_LABEL : (labels.get(shapeId) ?? `(removed element ${shapeId})`))
}

/** ISO instant → its UTC calendar day. */
export function dayOf(instant: string): string {
	return instant.slice(0, 10)
}

/** ISO instant → "2025-03-01 09:30 UTC". */
export function minuteOf(instant: string): string {
	return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`
}

/** Highest effective score first; ties by likelihood (the likelier first), then by ID. */
export function byRiskDescending(a: ModelThreat, b: ModelThreat): number {
	return b.effective.score - a.effective.score || b.effective.likelihood - a.effective.likelihood || compareThreatHumanIds(a.humanId, b.humanId)
}

/** Whole percent, rounded down like the session panel's figure, so the report never claims more. */
export function coveragePercent(coverage: { ratio: number }): number {
	return Math.floor(coverage.ratio * 100)
}

/** "A1 Customer data; A3 Card numbers" for the assets (or threat agents) a threat names; '' for none. */
export function scopeLinksText(entries: readonly { humanId: string; title: string }[], humanIds: readonly string[]): string {
	const titleOf = new Map(entries.map((entry) => [entry.humanId, entry.title]))
	return humanIds.map((humanId) => [humanId, titleOf.get(humanId) ?? ''].filter(Boolean).join(' ')).join('; ')
}

/** "9.8 (CVSS:3.1/AV:N/…)", or '' when the threat has no vector. */
export function cvssText(threat: Pick<ModelThreat, 'cvss'>): string {
	return threat.cvss ? `${threat.cvss.baseScore.toFixed(1)} (${threat.cvss.vector})` : ''
}

/** "P0 (set)" for a hand-set priority, "P1" for the risk band's. */
export function priorityText(threat: Pick<ModelThreat, 'priority' | 'effective'>): string {
	return threat.priority === null ? riskBand(threat.effective.score).priority : `${threat.priority} (set)`
}
