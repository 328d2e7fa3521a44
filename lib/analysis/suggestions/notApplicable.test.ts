import { describe, expect, it } from 'vitest'
import { withoutNotApplicable } from './notApplicable'
import { suggestThreats } from './suggestThreats'
import { entityContext } from '@/tests/fixtures/suggestions'

// An unauthenticated actor: "Actor is not authenticated" suggests Spoofing and Repudiation.
const suggestions = suggestThreats('STRIDE', entityContext())
const unauthenticated = (list: { ruleId: string; categories: readonly string[] }[]) => list.find((suggestion) => suggestion.ruleId === 'entity-unauthenticated')

describe('withoutNotApplicable', () => {
	it('offers every suggestion while nothing is marked not applicable', () => {
		expect(withoutNotApplicable(suggestions, new Set())).toEqual(suggestions)
	})

	it('drops the categories marked not applicable from a suggestion that has others', () => {
		expect(unauthenticated(suggestions)?.categories).toEqual(['S', 'R'])
		expect(unauthenticated(withoutNotApplicable(suggestions, new Set(['S'])))?.categories).toEqual(['R'])
	})

	it('no longer offers a suggestion whose every category is marked not applicable', () => {
		expect(unauthenticated(withoutNotApplicable(suggestions, new Set(['S', 'R'])))).toBeUndefined()
	})
})
