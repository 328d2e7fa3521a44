import type { CategoryId } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { Impact, Likelihood } from '@/lib/risk/riskScore'
import type { ElementContext } from './elementContext'

type NonEmpty<T> = readonly [T, ...T[]]

/**
 * The categories a rule's threat belongs to, per framework. STRIDE is required so every rule has a
 * home in the default framework; the others only where the mapping is meaningful. Categories that
 * do not apply to the element at hand are dropped by suggestThreats, so a rule may list more.
 */
export type RuleCategories = { readonly STRIDE: NonEmpty<CategoryId<'STRIDE'>> } & {
	readonly [F in Exclude<FrameworkId, 'STRIDE'>]?: NonEmpty<CategoryId<F>>
}

/**
 * A threat suggestion rule, as data. Rules are prompts for the room, not findings: the default
 * likelihood and impact are where the vote starts, for the typical case the rule describes.
 */
export type SuggestionRule = {
	/** Stable and kebab-case: stored on threats created from a suggestion. */
	readonly id: string
	readonly title: string
	readonly description: string
	readonly categories: RuleCategories
	readonly appliesTo: (context: ElementContext) => boolean
	readonly defaultLikelihood: Likelihood
	readonly defaultImpact: Impact
	readonly mitigation: string
}
