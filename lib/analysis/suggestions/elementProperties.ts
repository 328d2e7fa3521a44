import * as z from 'zod/mini'

/**
 * The per-kind properties people set on the canvas, named as the shapes name them
 * (lib/dfd/shapes/*-props.ts, lib/dfd/flowMeta.ts). Every field has the canvas default, so a
 * projection row with a missing property still parses. Suggestions treat a protection that is
 * not set (encrypted, signed, authenticates) as absent: they are prompts to ask, and asking
 * "is this encrypted?" about an unknown is the point.
 */

/** Same values as the process shape's privilegeLevel (a test keeps them in step). */
export const PRIVILEGE_LEVELS = ['standard', 'elevated', 'system'] as const
/** standard: its own unprivileged account; elevated: admin/sudo, broad IAM or DB-owner rights; system: root, SYSTEM, cluster-admin. */
const privilegeLevelSchema = z.enum(PRIVILEGE_LEVELS)

/** Same values as the process shape's aiModel (a test keeps them in step). */
export const AI_MODEL_ANSWERS = ['unknown', 'yes', 'no'] as const

export const entityPropertiesSchema = z.object({
	providesAuthentication: z._default(z.boolean(), false),
})
export type EntityProperties = z.infer<typeof entityPropertiesSchema>

export const processPropertiesSchema = z.object({
	privilegeLevel: z._default(privilegeLevelSchema, 'standard'),
	isWebApplication: z._default(z.boolean(), false),
	/** Trains or runs a model: PLOT4ai asks unless "no" (see plot4ai.ts); the AI suggestion rules wait for "yes". */
	aiModel: z._default(z.enum(AI_MODEL_ANSWERS), 'unknown'),
})
export type ProcessProperties = z.infer<typeof processPropertiesSchema>

export const storePropertiesSchema = z.object({
	storesCredentials: z._default(z.boolean(), false),
	isALog: z._default(z.boolean(), false),
	isEncrypted: z._default(z.boolean(), false),
	isSigned: z._default(z.boolean(), false),
})
export type StoreProperties = z.infer<typeof storePropertiesSchema>

export const flowPropertiesSchema = z.object({
	protocol: z._default(z.string(), ''),
	isEncrypted: z._default(z.boolean(), false),
	isPublicNetwork: z._default(z.boolean(), false),
	isBidirectional: z._default(z.boolean(), false),
})
export type FlowProperties = z.infer<typeof flowPropertiesSchema>
