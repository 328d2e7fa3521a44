import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { Severity } from '@/lib/risk/threatStatus'
import type { ModelThreat } from '@/lib/reports/sessionModel'
import { mitigationPlanOf } from '@/lib/reports/threatFacts'
import { categoryFromTdType, tdTypeOfCategory } from './tdCategories'
import type { TdOutThreat } from './tdExportTypes'
import { ratingFromTd, tdScoreOf } from './tdRating'
import { frameworkFromTd, severityFromTd, severityToTd, statusFromTd, statusToTd } from './tdVocabulary'

/** The part after `type:` of a record id: TD ids carry no prefix. */
export function idBody(id: string): string {
	return id.slice(id.indexOf(':') + 1)
}

/**
 * TD's type for the threat's first category. An imported threat keeps TD's own word while its
 * category is still the one that word named (in any framework it could have meant).
 */
function typeOf(threat: ModelThreat, frameworks: readonly FrameworkId[]): string {
	const category = threat.categories[0]
	if (category === undefined) return threat.source?.type ?? ''
	const { source } = threat
	if (source && frameworks.some((framework) => categoryFromTdType(framework, source.type) === category)) return source.type
	return tdTypeOfCategory(frameworks.at(-1) ?? 'STRIDE', category)
}

/** A CVSS base score as TD users type it ("7.5"): a property of the weakness, not of our rating. */
function isCvssScore(score: string): boolean {
	const trimmed = score.trim()
	return /^\d+(\.\d+)?$/.test(trimmed) && Number(trimmed) <= 10
}

/**
 * TD's severity and score from our rating: the originals while our rating still equals what they
 * imported as. Re-rated, the severity follows our band; a CVSS score stays, since re-rating the
 * likelihood or impact in a workshop does not change the weakness's CVSS base score.
 */
function ratingOnlyOf(threat: ModelThreat): { severity: string; score: string } {
	const { source, effective } = threat
	if (source) {
		const imported = ratingFromTd(source.score, severityFromTd(source.severity))
		if (imported.likelihood === effective.likelihood && imported.impact === effective.impact) {
			return { severity: source.severity, score: source.score }
		}
	}
	const severity: Severity = effective.band
	return { severity: severityToTd(severity), score: source && isCvssScore(source.score) ? source.score.trim() : tdScoreOf(effective) }
}

/**
 * TD's severity and score. A severity the team set (not Unknown, and not the one imported from TD)
 * is written as TD's severity; a CVSS vector's computed base score is TD's score, being the more
 * exact statement of the same thing. Otherwise both come from the rating (ratingOnlyOf).
 */
function ratingOf(threat: ModelThreat): { severity: string; score: string } {
	const fromRating = ratingOnlyOf(threat)
	const imported = threat.source ? severityFromTd(threat.source.severity) : 'Unknown'
	const judged = threat.severity !== 'Unknown' && threat.severity !== imported
	return {
		severity: judged ? severityToTd(threat.severity) : fromRating.severity,
		score: threat.cvss ? threat.cvss.baseScore.toFixed(1) : fromRating.score,
	}
}

export interface ThreatExportContext {
	/** TD's diagram type this threat is written into. */
	diagramType: string
	sessionFramework: FrameworkId
	number: number
}

export function exportThreat(threat: ModelThreat, context: ThreatExportContext): TdOutThreat {
	const { source } = threat
	const decision = threat.decision?.kind ?? null
	const frameworks = [frameworkFromTd(source?.modelType), frameworkFromTd(context.diagramType), context.sessionFramework].filter(
		(framework): framework is FrameworkId => framework !== null,
	)
	return {
		id: idBody(threat.id),
		title: threat.title,
		status: source && statusFromTd(source.status) === threat.status ? source.status : statusToTd(threat.status, decision),
		...ratingOf(threat),
		type: typeOf(threat, frameworks),
		description: threat.description,
		mitigation: mitigationPlanOf(threat).mitigation,
		modelType: source?.modelType || context.diagramType,
		number: context.number,
		new: false,
	}
}
