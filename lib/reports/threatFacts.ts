import { getCategory } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
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

/** "Spoofing, Tampering"; an id the framework does not know (an import) is shown as it is. */
export function categoryNames(framework: FrameworkId, categories: readonly string[]): string {
	return categories.map((id) => getCategory(framework, id)?.name ?? id).join(', ')
}

/** "P1 Checkout API" for the element a threat or mark is on. */
export function componentLabelFor(model: Pick<SessionModel, 'diagrams'>): (shapeId: string) => string {
	const labels = new Map<string, string>()
	for (const diagram of model.diagrams) {
		for (const element of diagram.elements) {
			labels.set(element.shapeId, [element.humanId, element.name.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' '))
		}
	}
	return (shapeId) => labels.get(shapeId) ?? `(removed element ${shapeId})`
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
	return (
		b.effective.score - a.effective.score ||
		b.effective.likelihood - a.effective.likelihood ||
		compareThreatHumanIds(a.humanId, b.humanId)
	)
}

/** Whole percent, rounded down like the session panel's figure, so the report never claims more. */
export function coveragePercent(coverage: { ratio: number }): number {
	return Math.floor(coverage.ratio * 100)
}
