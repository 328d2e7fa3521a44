import type { ThreatSuggestion } from './suggestThreats'

/**
 * What is left of the suggestions once the facilitator has marked categories "not applicable" on
 * the element: each loses the categories ruled out, and one with none left is not offered at all,
 * so the room is never asked again about what it already decided does not apply.
 */
export function withoutNotApplicable<S extends ThreatSuggestion>(suggestions: readonly S[], notApplicable: ReadonlySet<string>): S[] {
	if (notApplicable.size === 0) return [...suggestions]
	return suggestions.flatMap((suggestion) => {
		const categories = suggestion.categories.filter((category) => !notApplicable.has(category))
		return categories.length === 0 ? [] : [{ ...suggestion, categories }]
	})
}
