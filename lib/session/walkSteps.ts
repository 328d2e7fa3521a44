import type { ElementContext } from '../analysis/suggestions'
import { type WalkStep, walkOrder } from '../analysis/walkOrder'
import type { DfdElement } from '../dfd/dfdElementSchema'

/**
 * The facilitator's walk over one diagram: its elements in lib/analysis/walkOrder's order, a flow
 * counting as crossing a boundary when the trust-zone analysis behind the suggestions says so.
 */
export function walkSteps(elements: readonly DfdElement[], contexts: ReadonlyMap<string, ElementContext>, pageId: string): WalkStep[] {
	return walkOrder(
		elements
			.filter((element) => element.pageId === pageId)
			.map((element) => {
				const context = contexts.get(element.shapeId)
				return {
					id: element.shapeId,
					kind: element.kind,
					humanId: element.humanId,
					outOfScope: element.outOfScope,
					crossesBoundary: context?.kind === 'flow' ? context.crossesBoundary : false,
				}
			}),
	)
}
