import type { ModelThreat } from './sessionModel'
import { isMitigated } from './views'

/**
 * What is left of a threat that is not mitigated, by the decision in force: only an undecided one
 * is open work at its band's priority. An accepted, transferred or deferred risk is one the
 * business chose to carry, and a planned mitigation is already someone's job.
 */
export type ResidualRisk =
	| { kind: 'open' }
	| { kind: 'mitigating'; dueDate: string | null }
	| { kind: 'deferred'; until: string | null }
	| { kind: 'accepted'; reviewDate: string | null }
	| { kind: 'transferred'; to: string }

export type ResidualKind = ResidualRisk['kind']

export const RESIDUAL_KINDS: readonly ResidualKind[] = ['open', 'mitigating', 'deferred', 'accepted', 'transferred']

/** null for a mitigated threat. Without a decision, an Accepted or Deferred status says the same. */
export function residualRiskOf(threat: Pick<ModelThreat, 'status' | 'decision'>): ResidualRisk | null {
	if (isMitigated(threat)) return null
	const { decision } = threat
	switch (decision?.kind) {
		case 'accept':
			return { kind: 'accepted', reviewDate: decision.reviewDate }
		case 'transfer':
			return { kind: 'transferred', to: decision.transferTo }
		case 'defer':
			return { kind: 'deferred', until: decision.deferUntil }
		case 'mitigate':
			return { kind: 'mitigating', dueDate: decision.dueDate }
		case undefined:
			if (threat.status === 'Accepted') return { kind: 'accepted', reviewDate: null }
			if (threat.status === 'Deferred') return { kind: 'deferred', until: null }
			return { kind: 'open' }
	}
}

/** "Deferred until 2025-06-30", "Transferred to PSP contract §7", "Open". */
export function residualRiskLabel(risk: ResidualRisk): string {
	switch (risk.kind) {
		case 'open':
			return 'Open'
		case 'mitigating':
			return risk.dueDate ? `Mitigation planned, due ${risk.dueDate}` : 'Mitigation planned'
		case 'deferred':
			return risk.until ? `Deferred until ${risk.until}` : 'Deferred'
		case 'accepted':
			return risk.reviewDate ? `Accepted, review on ${risk.reviewDate}` : 'Accepted'
		case 'transferred':
			return risk.to ? `Transferred to ${risk.to}` : 'Transferred'
	}
}
