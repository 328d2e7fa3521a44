import * as z from 'zod/mini'
import { FRAMEWORKS } from '@/lib/sessionEnums'
import { elementKindSchema } from './elementKind'

/** The session's framework; the list itself lives with the other session enums. */
export const frameworkIdSchema = z.enum(FRAMEWORKS)
export type FrameworkId = z.infer<typeof frameworkIdSchema>

/**
 * What decides which categories apply to an element. `isLog` matters for STRIDE (Repudiation on
 * a store only if it is a log/audit trail); `processesAi` for PLOT4ai (see plot4ai.ts).
 */
const applicabilityInputSchema = z.object({
	kind: elementKindSchema,
	isLog: z.optional(z.boolean()),
	processesAi: z.optional(z.boolean()),
})
export type ApplicabilityInput = z.infer<typeof applicabilityInputSchema>

export type FrameworkCategory<Id extends string = string> = {
	/** Stable: stored on threats and n/a marks, so never rename one that has shipped. */
	readonly id: Id
	readonly name: string
	/** The question the facilitator asks about the focused element. */
	readonly question: string
	/** One or two concrete workshop examples, to get a quiet room talking. */
	readonly examples: readonly [string] | readonly [string, string]
}

export type FrameworkDefinition<F extends FrameworkId, Id extends string> = {
	readonly id: F
	readonly name: string
	/** One line on what it is for, shown where a facilitator picks a framework. */
	readonly summary: string
	/** In the order the panel shows them. */
	readonly categories: readonly FrameworkCategory<Id>[]
	/** Applicable category ids for the element, in catalogue order. */
	readonly categoriesFor: (element: ApplicabilityInput) => readonly Id[]
}
