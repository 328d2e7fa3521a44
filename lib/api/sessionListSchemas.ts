import * as z from 'zod/mini'
import { FRAMEWORKS, ROLES, SESSION_STATUSES } from '@/lib/sessionEnums'
import { linkTokenSchema, SESSION_ID_PATTERN } from './sessionSchemas'

// POST /api/sessions/summaries — "My sessions" on the home page: the links this browser kept.

export const SUMMARIES_MAX_LINKS = 50
export const SUMMARIES_MAX_BYTES = 64 * 1024

export const summariesBody = z.object({
	links: z
		.array(z.object({ id: z.string().check(z.regex(SESSION_ID_PATTERN, 'Not a session id')), token: linkTokenSchema }))
		.check(z.maxLength(SUMMARIES_MAX_LINKS)),
})

const count = z.int().check(z.nonnegative())

const sessionListItem = z.object({
	id: z.string(),
	name: z.string(),
	framework: z.enum(FRAMEWORKS),
	status: z.enum(SESSION_STATUSES),
	/** Epoch ms. */
	createdAt: z.int(),
	endedAt: z.nullable(z.int()),
	previousSessionId: z.nullable(z.string()),
	/** With the session number, what the session's exported IDs start with (lib/session/composedIds.ts). */
	projectPrefix: z.nullable(z.string()),
	sessionNumber: z.int().check(z.positive()),
	/** What the kept link grants; the strongest when several links open the same session. */
	role: z.enum(ROLES),
	counts: z.object({
		elements: count,
		threats: count,
		openThreats: count,
		decided: count,
	}),
})
export type SessionListItem = z.infer<typeof sessionListItem>

export const summariesResponse = z.object({ sessions: z.array(sessionListItem) })
export type SummariesResponse = z.infer<typeof summariesResponse>
