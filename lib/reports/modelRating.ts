import type { RiskBandName, RiskLevel } from '@/lib/risk/riskScore'
import { type RatedThreat, effectiveRating } from '@/lib/session/effectiveRating'

export type { RatedThreat }

/** The effective rating as the session model stores it: the band by name, no UI flags. */
export interface ModelRating {
	likelihood: RiskLevel
	impact: RiskLevel
	score: number
	band: RiskBandName
}

/**
 * The rule itself (agreed, else the author's, per dimension) lives in lib/session/effectiveRating.ts,
 * shared with the panel and badges; this only reshapes its answer for the export, so a report can
 * never rate a threat differently from the session.
 */
export function modelRating(threat: RatedThreat): ModelRating {
	const { likelihood, impact, score, band } = effectiveRating(threat)
	return { likelihood, impact, score, band: band.name }
}
