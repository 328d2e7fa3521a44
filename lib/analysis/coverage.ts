import * as z from 'zod/mini'
import { nonEmptyString } from '@/lib/nonEmptyString'
import { elementKindSchema } from '@/lib/frameworks/elementKind'
import { applicableCategories, type CategoryId } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'

const coverageElementSchema = z.object({
	id: nonEmptyString,
	kind: elementKindSchema,
	outOfScope: z.boolean(),
	isLog: z.optional(z.boolean()),
	processesAi: z.optional(z.boolean()),
})
const coverageThreatSchema = z.object({
	elementId: nonEmptyString,
	categories: z.array(z.string()),
})
/** "We asked, and this category does not apply here" — counts as covered, like a threat does. */
const notApplicableMarkSchema = z.object({
	elementId: nonEmptyString,
	category: z.string(),
})
export type CoverageElement = z.infer<typeof coverageElementSchema>
export type CoverageThreat = z.infer<typeof coverageThreatSchema>
export type NotApplicableMark = z.infer<typeof notApplicableMarkSchema>

type ElementCoverage<F extends FrameworkId = FrameworkId> = {
	elementId: string
	/** All in catalogue order. */
	applicable: readonly CategoryId<F>[]
	covered: readonly CategoryId<F>[]
	uncovered: readonly CategoryId<F>[]
}

export type Coverage<F extends FrameworkId = FrameworkId> = {
	covered: number
	applicable: number
	/**
	 * covered ÷ applicable, 0..1. With nothing applicable (an empty board, everything out of scope,
	 * DIE over entities only) it is 1 and `empty` is true: there is nothing left to ask, and a
	 * progress bar stuck at 0 would wrongly tell the facilitator the walk is unfinished.
	 */
	ratio: number
	empty: boolean
	/** In-scope elements with at least one applicable category, in input order. */
	perElement: readonly ElementCoverage<F>[]
}

/**
 * How much of the (element × applicable category) grid has been talked through. A cell counts once
 * however many threats it has. Threats or marks on unknown or out-of-scope elements, and on
 * categories that do not apply to their element, are ignored rather than inflating the count.
 */
export function computeCoverage<F extends FrameworkId>(input: {
	framework: F
	elements: readonly CoverageElement[]
	threats: readonly CoverageThreat[]
	naMarks: readonly NotApplicableMark[]
}): Coverage<F> {
	const addressed = new Map<string, Set<string>>()
	const address = (elementId: string, category: string) => {
		let categories = addressed.get(elementId)
		if (!categories) {
			categories = new Set()
			addressed.set(elementId, categories)
		}
		categories.add(category)
	}
	for (const threat of input.threats) for (const category of threat.categories) address(threat.elementId, category)
	for (const mark of input.naMarks) address(mark.elementId, mark.category)

	const seen = new Set<string>()
	const perElement: ElementCoverage<F>[] = []
	for (const element of input.elements) {
		if (element.outOfScope || seen.has(element.id)) continue
		seen.add(element.id)
		const applicable = applicableCategories(input.framework, element)
		if (applicable.length === 0) continue
		const done = addressed.get(element.id)
		const covered = applicable.filter((category) => done?.has(category) ?? false)
		const uncovered = applicable.filter((category) => !(done?.has(category) ?? false))
		perElement.push({ elementId: element.id, applicable, covered, uncovered })
	}

	const applicable = perElement.reduce((sum, element) => sum + element.applicable.length, 0)
	const covered = perElement.reduce((sum, element) => sum + element.covered.length, 0)
	return {
		covered,
		applicable,
		ratio: applicable === 0 ? 1 : covered / applicable,
		empty: applicable === 0,
		perElement,
	}
}
