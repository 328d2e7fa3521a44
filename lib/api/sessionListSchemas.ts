import { z } from 'zod'
import { FRAMEWORKS, ROLES, SESSION_STATUSES } from '@/lib/sessionEnums'
import { linkTokenSchema, SESSION_ID_PATTERN } from './sessionSchemas'

// POST /api/sessions/summaries — "My sessions" on the home page: the links this browser kept.

export const SUMMARIES_MAX_LINKS = 50
export const SUMMARIES_MAX_BYTES = 64 * 1024

export const summariesBody = z.object({
	links: z
		.array(z.object({ id: z.string().regex(SESSION_ID_PATTERN, 'Not a session id'), token: linkTokenSchema }))
		.max(SUMMARIES_MAX_LINKS),
})
export type SummariesBody = z.infer<typeof summariesBody>

export const sessionListItem = z.object({
	id: z.string(),
	name: z.string(),
	framework: z.enum(FRAMEWORKS),
	status: z.enum(SESSION_STATUSES),
	/** Epoch ms. */
	createdAt: z.int(),
	endedAt: z.int().nullable(),
	previousSessionId: z.string().nullable(),
	/** What the kept link grants; the strongest when several links open the same session. */
	role: z.enum(ROLES),
	counts: z.object({
		elements: z.int().nonnegative(),
		threats: z.int().nonnegative(),
		openThreats: z.int().nonnegative(),
		decided: z.int().nonnegative(),
	}),
})
export type SessionListItem = z.infer<typeof sessionListItem>

export const summariesResponse = z.object({ sessions: z.array(sessionListItem) })
export type SummariesResponse = z.infer<typeof summariesResponse>
