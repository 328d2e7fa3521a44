import type { Coverage } from '../analysis/coverage'
import type { RiskBand } from '../risk/riskScore'
import { effectiveRating } from './effectiveRating'
import type { ThreatRecord } from './records/threatRecord'

export interface ElementBadge {
	shapeId: string
	threatCount: number
	/** The band of the element's highest effective risk; null without threats. */
	worstBand: RiskBand | null
	worstScore: number
	/** Applicable categories nobody has talked through yet (no threat, no n/a mark). */
	uncoveredCount: number
}

/**
 * What each element's badge on the canvas says. Deleted threats do not count. Elements appear
 * when they have a threat or coverage applies to them (in scope, with categories to ask).
 */
export function elementBadges(threats: readonly ThreatRecord[], coverage: Pick<Coverage, 'perElement'>): Map<string, ElementBadge> {
	const badges = new Map<string, ElementBadge>()
	const badgeOf = (shapeId: string): ElementBadge => {
		let badge = badges.get(shapeId)
		if (!badge) {
			badge = { shapeId, threatCount: 0, worstBand: null, worstScore: 0, uncoveredCount: 0 }
			badges.set(shapeId, badge)
		}
		return badge
	}
	for (const element of coverage.perElement) badgeOf(element.elementId).uncoveredCount = element.uncovered.length
	for (const threat of threats) {
		// A model-level threat has no element to badge.
		if (threat.isDeleted || threat.shapeId === null) continue
		const badge = badgeOf(threat.shapeId)
		badge.threatCount += 1
		const rating = effectiveRating(threat)
		if (rating.score > badge.worstScore) {
			badge.worstScore = rating.score
			badge.worstBand = rating.band
		}
	}
	return badges
}
