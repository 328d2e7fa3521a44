import { applicableCategories, type CategoryId } from '@/lib/frameworks/frameworkCatalog'
import type { ApplicabilityInput, FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { processesAi } from '@/lib/frameworks/processesAi'
import { type Impact, type Likelihood, riskScore } from '@/lib/risk/riskScore'
import type { ElementContext } from './elementContext'
import { SUGGESTION_RULES, type SuggestionRuleId } from './rules'
import type { RuleCategories, SuggestionRule } from './suggestionRule'

export type ThreatSuggestion<F extends FrameworkId = FrameworkId> = {
	ruleId: SuggestionRuleId
	title: string
	description: string
	/** The rule's categories for this framework that apply to this element; never empty. */
	categories: readonly CategoryId<F>[]
	likelihood: Likelihood
	impact: Impact
	riskScore: number
	mitigation: string
}

export function applicabilityOf(context: ElementContext): ApplicabilityInput {
	switch (context.kind) {
		case 'store':
			return { kind: context.kind, isLog: context.props.isALog }
		case 'process':
		case 'multiprocess':
			return { kind: context.kind, processesAi: processesAi(context.props.aiModel) }
		case 'entity':
		case 'flow':
			return { kind: context.kind }
	}
}

function categoriesIn<F extends FrameworkId>(categories: RuleCategories, framework: F): readonly CategoryId<F>[] {
	const byFramework: { readonly [K in FrameworkId]?: readonly CategoryId<K>[] } = categories
	return byFramework[framework] ?? []
}

const RULES: readonly (SuggestionRule & { id: SuggestionRuleId })[] = SUGGESTION_RULES

/**
 * The suggestions for one element in the session's framework, highest default risk first (ties
 * keep rule order). A rule is left out when it does not apply, or when none of its categories in
 * this framework apply to the element — a suggestion with no category could not be filed.
 */
export function suggestThreats<F extends FrameworkId>(framework: F, context: ElementContext): ThreatSuggestion<F>[] {
	const applicable = new Set<string>(applicableCategories(framework, applicabilityOf(context)))
	if (applicable.size === 0) return []

	const suggestions: ThreatSuggestion<F>[] = []
	for (const rule of RULES) {
		const categories = categoriesIn(rule.categories, framework).filter((category) => applicable.has(category))
		if (categories.length === 0 || !rule.appliesTo(context)) continue
		suggestions.push({
			ruleId: rule.id,
			title: rule.title,
			description: rule.description,
			categories,
			likelihood: rule.defaultLikelihood,
			impact: rule.defaultImpact,
			riskScore: riskScore(rule.defaultLikelihood, rule.defaultImpact),
			mitigation: rule.mitigation,
		})
	}
	return suggestions.sort((a, b) => b.riskScore - a.riskScore)
}
