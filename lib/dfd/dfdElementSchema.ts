import * as z from 'zod/mini'
import { nonEmptyString } from '../nonEmptyString'
// Relative: lib/db/schema.ts imports this file and drizzle-kit does not resolve the `@/` alias.
import { DFD_KINDS } from './elementKinds'

const dfdPropertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const dfdPropertiesSchema = z.record(z.string(), dfdPropertyValueSchema)
export type DfdProperties = z.infer<typeof dfdPropertiesSchema>

/**
 * One row of the canvas projection the party sends with every save. No length limits beyond
 * "non-empty ids": the canvas validators already bound the text, and a stricter rule here would make
 * a save the room can never get accepted (it would retry forever). The request size limit caps the rest.
 */
export const dfdElementSchema = z.object({
	shapeId: nonEmptyString,
	humanId: nonEmptyString,
	kind: z.enum(DFD_KINDS),
	name: z.string(),
	description: z.string(),
	outOfScope: z.boolean(),
	reasonOutOfScope: z.string(),
	properties: dfdPropertiesSchema,
	pageId: nonEmptyString,
	sourceShapeId: z.nullable(nonEmptyString),
	targetShapeId: z.nullable(nonEmptyString),
})
export type DfdElement = z.infer<typeof dfdElementSchema>
