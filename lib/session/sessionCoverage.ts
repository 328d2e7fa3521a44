import { type Coverage, type CoverageElement, computeCoverage } from '../analysis/coverage'
import type { DfdElement } from '../dfd/dfdElementSchema'
import type { FrameworkId } from '../frameworks/frameworkTypes'
import { processesAi } from '../frameworks/processesAi'
import { isLogStore } from './canvasElements'

type CoveredElement = Pick<DfdElement, 'shapeId' | 'outOfScope' | 'properties'> & { kind: CoverageElement['kind'] }
type CoveringThreat = { shapeId: string; categories: readonly string[]; isDeleted: boolean }
type CoveringMark = { shapeId: string; category: string }

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
		elements: elements.map((element) => ({
			id: element.shapeId,
			kind: element.kind,
			outOfScope: element.outOfScope,
			isLog: isLogStore(element),
			processesAi: processesAi(element.properties.aiModel),
		})),
		threats: threats
			.filter((threat) => !threat.isDeleted)
			.map((threat) => ({ elementId: threat.shapeId, categories: [...threat.categories] })),
		naMarks: naMarks.map((mark) => ({ elementId: mark.shapeId, category: mark.category })),
	})
}

/** "7 / 24 · 29 %"; an empty grid (nothing to ask yet) says so instead of a misleading 100 %. */
export function coverageText(coverage: Pick<Coverage, 'covered' | 'applicable' | 'empty'>): string {
	if (coverage.empty) return 'Nothing to cover yet'
	const percent = Math.floor((coverage.covered / coverage.applicable) * 100)
	return `${coverage.covered} / ${coverage.applicable} · ${percent} %`
}
