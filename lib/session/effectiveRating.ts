import { type RiskBand, riskBand, type RiskLevel, RISK_LEVELS } from '../risk/riskScore'
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

/** The schema keeps stored levels in 1–5; this only narrows the number to the literal type. */
export function toRiskLevel(value: number): RiskLevel {
	const rounded = Math.round(value)
	return RISK_LEVELS.find((level) => level === rounded) ?? (rounded < 1 ? 1 : 5)
}

/**
 * The one rule for a threat's rating everywhere (panel, badges, coverage, reports): the agreed
 * value where the facilitator set one, else the author's. Each dimension on its own, so agreeing
 * the impact first leaves the author's likelihood standing until that is agreed too.
 */
export function effectiveRating(threat: RatedThreat): EffectiveRating {
	const likelihood = toRiskLevel(threat.agreedLikelihood ?? threat.likelihood)
	const impact = toRiskLevel(threat.agreedImpact ?? threat.impact)
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
