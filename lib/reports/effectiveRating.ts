import { isRiskLevel, type RiskBandName, type RiskLevel, riskBand, riskScore } from '@/lib/risk/riskScore'

/** What the rating rule reads of a threat: the author's values and the facilitator's agreed ones. */
export interface RatedThreat {
	likelihood: number
	impact: number
	agreedLikelihood: number | null
	agreedImpact: number | null
}

export interface EffectiveRating {
	likelihood: RiskLevel
	impact: RiskLevel
	score: number
	band: RiskBandName
}

/** Narrows a stored 1–5 number; anything else only arrives through a bug, so it throws. */
export function asRiskLevel(value: number, what: string): RiskLevel {
	if (!isRiskLevel(value)) throw new RangeError(`Expected a ${what} from 1 to 5, got ${value}`)
	return value
}

/**
 * THE rating a threat is reported, sorted and banded with: the agreed value where the facilitator
 * set one, else the author's — per dimension, because a group may settle impact and still argue
 * about likelihood. Every report, filter and export goes through here so they never disagree.
 */
export function effectiveRating(threat: RatedThreat): EffectiveRating {
	const likelihood = asRiskLevel(threat.agreedLikelihood ?? threat.likelihood, 'likelihood')
	const impact = asRiskLevel(threat.agreedImpact ?? threat.impact, 'impact')
	const score = riskScore(likelihood, impact)
	return { likelihood, impact, score, band: riskBand(score).name }
}
