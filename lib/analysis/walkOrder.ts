import * as z from 'zod/mini'
import { nonEmptyString } from '@/lib/nonEmptyString'
import { elementKindSchema } from '@/lib/frameworks/elementKind'
import { compareHumanIds } from './humanIdOrder'

const walkElementSchema = z.object({
	id: nonEmptyString,
	kind: elementKindSchema,
	humanId: z.string(),
	outOfScope: z.boolean(),
	/** From trustZones.ts; only meaningful for flows. */
	crossesBoundary: z.optional(z.boolean()),
})
export type WalkElement = z.infer<typeof walkElementSchema>

/**
 * The default walk: start where attackers start (external entities), then the flows that cross
 * a trust boundary — where most threats are found — then what those flows reach (processes, then
 * stores), and finally the flows that stay inside one zone.
 */
export const WALK_GROUPS = ['entities', 'boundaryFlows', 'processes', 'stores', 'internalFlows'] as const
export type WalkGroup = (typeof WALK_GROUPS)[number]

export type WalkStep = {
	id: string
	humanId: string
	kind: WalkElement['kind']
	group: WalkGroup
	/** Out of scope: kept in the order so the panel can show it greyed out, but focus skips it. */
	skipped: boolean
}

function groupOf(element: WalkElement): WalkGroup | null {
	switch (element.kind) {
		case 'entity':
			return 'entities'
		case 'flow':
			return element.crossesBoundary === true ? 'boundaryFlows' : 'internalFlows'
		case 'process':
		case 'multiprocess':
			return 'processes'
		case 'store':
			return 'stores'
		case 'boundary':
		case 'text':
			return null
	}
}

/** Within the process group, plain processes (P…) before multi-processes (MP…), then by number. */
const KIND_RANK: Partial<Record<WalkElement['kind'], number>> = { process: 0, multiprocess: 1 }

/** Boundaries and text are not walked; everything else appears once, in walk order. */
export function walkOrder(elements: readonly WalkElement[]): WalkStep[] {
	const steps: WalkStep[] = []
	const seen = new Set<string>()
	for (const element of elements) {
		const group = groupOf(element)
		if (group === null || seen.has(element.id)) continue
		seen.add(element.id)
		steps.push({ id: element.id, humanId: element.humanId, kind: element.kind, group, skipped: element.outOfScope })
	}
	return steps.sort(
		(a, b) =>
			WALK_GROUPS.indexOf(a.group) - WALK_GROUPS.indexOf(b.group) ||
			(KIND_RANK[a.kind] ?? 0) - (KIND_RANK[b.kind] ?? 0) ||
			compareHumanIds(a.humanId, b.humanId) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	)
}

/**
 * The next step focus moves to after `currentId`; from nowhere, or from an id no longer in the walk
 * (the focused element was deleted), it starts again at the first step. Null at the end.
 */
export function nextWalkStep(steps: readonly WalkStep[], currentId: string | null): WalkStep | null {
	const start = currentId === null ? 0 : steps.findIndex((step) => step.id === currentId) + 1
	return steps.slice(start).find((step) => !step.skipped) ?? null
}

/** The step before `currentId` that is not skipped; null at the start or for an unknown id. */
export function previousWalkStep(steps: readonly WalkStep[], currentId: string): WalkStep | null {
	const index = steps.findIndex((step) => step.id === currentId)
	if (index <= 0) return null
	return steps.slice(0, index).findLast((step) => !step.skipped) ?? null
}
