import { type Coverage, computeCoverage } from '../analysis/coverage'
import type { DfdElement } from '../dfd/dfdElementSchema'
import type { FrameworkId } from '../frameworks/frameworkTypes'
import type { NaMarkRecord } from './records/naMarkRecord'
import type { ThreatRecord } from './records/threatRecord'
import { isLogStore } from './canvasElements'

/**
 * The session's coverage from its records: every in-scope element on every diagram, threats the
 * room has not marked deleted, and the facilitator's n/a marks.
 */
export function sessionCoverage<F extends FrameworkId>(
	framework: F,
	elements: readonly DfdElement[],
	threats: readonly ThreatRecord[],
	naMarks: readonly NaMarkRecord[],
): Coverage<F> {
	return computeCoverage({
		framework,
		elements: elements.map((element) => ({
			id: element.shapeId,
			kind: element.kind,
			outOfScope: element.outOfScope,
			isLog: isLogStore(element),
		})),
		// A model-level threat covers no element's category; an "Other" one is on no framework category,
		// so computeCoverage, which only counts the framework's categories, passes over it.
		threats: threats.flatMap((threat) =>
			threat.isDeleted || threat.shapeId === null ? [] : [{ elementId: threat.shapeId, categories: threat.categories }],
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
