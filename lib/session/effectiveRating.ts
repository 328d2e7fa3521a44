import { asRiskLevel, type RiskBand, riskBand, type RiskLevel } from '../risk/riskScore'
import type { ThreatRecord } from './records/threatRecord'

export type RatedThreat = Pick<ThreatRecord, 'likelihood' | 'impact' | 'agreedLikelihood' | 'agreedImpact'>

export interface EffectiveRating {
	likelihood: RiskLevel
	impact: RiskLevel
	score: number
	band: RiskBand
	/** Whether each value is the room's agreed one rather than the author's first guess. */
	agreedLikelihood: boolean
	agreedImpact: boolean
}

/**
 * The one rule for a threat's rating everywhere (panel, badges, API, reports): the agreed
 * value where the facilitator set one, else the author's. Each dimension on its own, so agreeing
 * the impact first leaves the author's likelihood standing until that is agreed too.
 */
export function effectiveRating(threat: RatedThreat): EffectiveRating {
	const likelihood = asRiskLevel(threat.agreedLikelihood ?? threat.likelihood, 'likelihood')
	const impact = asRiskLevel(threat.agreedImpact ?? threat.impact, 'impact')
	const score = likelihood * impact
	return {
		likelihood,
		impact,
		score,
		band: riskBand(score),
		agreedLikelihood: threat.agreedLikelihood !== null,
		agreedImpact: threat.agreedImpact !== null,
	}
}
