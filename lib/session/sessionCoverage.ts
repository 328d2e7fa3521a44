import { type Coverage, type CoverageElement, computeCoverage } from '../analysis/coverage'
import type { DfdElement } from '../dfd/dfdElementSchema'
import type { FrameworkId } from '../frameworks/frameworkTypes'
import { processesAi } from '../frameworks/processesAi'
import { isLogStore } from './canvasElements'

type CoveredElement = Pick<DfdElement, 'shapeId' | 'outOfScope' | 'properties'> & { kind: CoverageElement['kind'] }
type CoveringThreat = { shapeId: string | null; categories: readonly string[]; isDeleted: boolean }
type CoveringMark = { shapeId: string; category: string }

/** What decides an element's applicable categories, read off its projected properties. */
export function applicabilityOf(element: Pick<CoveredElement, 'kind' | 'properties'>) {
	return { kind: element.kind, isLog: isLogStore(element), processesAi: processesAi(element.properties.aiModel) }
}

/**
 * The session's coverage from its records: every in-scope element on every diagram, threats the
 * room has not marked deleted, and the facilitator's n/a marks. The one reading of records as
 * coverage: the panel, `GET /api/sessions/:id` and the reports all call it, so they never disagree.
 */
export function sessionCoverage<F extends FrameworkId>(
	framework: F,
	elements: readonly CoveredElement[],
	threats: readonly CoveringThreat[],
	naMarks: readonly CoveringMark[],
): Coverage<F> {
	return computeCoverage({
		framework,
		elements: elements.map((element) => ({ id: element.shapeId, outOfScope: element.outOfScope, ...applicabilityOf(element) })),
		// A model-level threat covers no element's category; an "Other" one is on no framework category,
		// so computeCoverage, which only counts the framework's categories, passes over it.
		threats: threats.flatMap((threat) =>
			threat.isDeleted || threat.shapeId === null ? [] : [{ elementId: threat.shapeId, categories: [...threat.categories] }],
		),
		naMarks: naMarks.map((mark) => ({ elementId: mark.shapeId, category: mark.category })),
	})
}

/** "7 / 24 · 29 %"; an empty grid (nothing to ask yet) says so instead of a misleading 100 %. */
export function coverageText(coverage: Pick<Coverage, 'covered' | 'applicable' | 'empty'>): string {
	if (coverage.empty) return 'Nothing to cover yet'
	const percent = Math.floor((coverage.covered / coverage.applicable) * 100)
	return `${coverage.covered} / ${coverage.applicable} · ${percent} %`
}
