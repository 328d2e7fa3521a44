import * as z from 'zod/mini'
import { USER_KEY_PATTERN } from '../protocol/identity'
import { dfdElementSchema } from '@/lib/dfd/dfdElementSchema'
import { projectPrefixSchema } from '@/lib/session/composedIds'
import { FRAMEWORKS, ROLES, SESSION_STATUSES } from '@/lib/sessionEnums'
import { sessionRecordsResponse } from './sessionRecordSchemas'
import { isSafeLine, isSafeText, UNSAFE_LINE_MESSAGE, UNSAFE_TEXT_MESSAGE } from './textRules'

// Public API bodies and responses. React- and drizzle-free so the page can parse what it receives.

export const SESSION_NAME_MAX_LENGTH = 256
export const SESSION_DESCRIPTION_MAX_LENGTH = 1024
const TOKEN_MAX_LENGTH = 256
/** Session ids are nanoids (12 characters); anything else cannot name one. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * An empty or unknown token is a "bad link" (401), not a malformed request; only the size and the
 * alphabet (nanoid's, the only characters a token we issue has) are checked here.
 */
export const linkTokenSchema = z.string().check(z.maxLength(TOKEN_MAX_LENGTH), z.regex(/^[A-Za-z0-9_-]*$/, 'A link token is made of A-Z, a-z, 0-9, _ and -'))

/** The one-line name of a session, as every route that names one checks it. */
const sessionNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(SESSION_NAME_MAX_LENGTH), z.refine(isSafeLine, UNSAFE_LINE_MESSAGE))
const sessionDescriptionSchema = z.string().check(z.trim(), z.maxLength(SESSION_DESCRIPTION_MAX_LENGTH), z.refine(isSafeText, UNSAFE_TEXT_MESSAGE))

export const createSessionBody = z.object({
	name: sessionNameSchema,
	description: z._default(sessionDescriptionSchema, ''),
	framework: z._default(z.enum(FRAMEWORKS), 'STRIDE'),
	/** `PAY` makes exported threat IDs read `PAY.S01.T-007`; absent or null for none. */
	projectPrefix: z.optional(z.nullable(projectPrefixSchema)),
})
export type CreateSessionBody = z.infer<typeof createSessionBody>

export const createSessionResponse = z.object({
	id: z.string(),
	facilitatorUrl: z.string(),
	participantUrl: z.string(),
	productOwnerUrl: z.string(),
	observerUrl: z.string(),
})
export type CreateSessionResponse = z.infer<typeof createSessionResponse>

export const joinBody = z.object({
	token: linkTokenSchema,
	/** The browser's secret key (see lib/protocol/identity.ts); the answer carries the public id derived from it. */
	userKey: z.optional(z.string().check(z.regex(USER_KEY_PATTERN, 'Expected 21 to 64 characters of A-Z, a-z, 0-9, _ or -'))),
})

export const sessionSummary = z.object({
	id: z.string(),
	name: z.string(),
	description: z.string(),
	framework: z.enum(FRAMEWORKS),
	status: z.enum(SESSION_STATUSES),
	/** The project prefix of composed IDs; null for none. */
	projectPrefix: z.nullable(z.string()),
	/** 1 for a first session, the previous one's + 1 for a follow-up. */
	sessionNumber: z.int(),
})
export type SessionSummary = z.infer<typeof sessionSummary>

export const joinResponse = z.object({
	role: z.enum(ROLES),
	session: sessionSummary,
	partyUrl: z.string(),
	userId: z.optional(z.string()),
})
export type JoinResponse = z.infer<typeof joinResponse>

export const sessionDetailsResponse = z.object({
	session: z.extend(sessionSummary, {
		createdAt: z.int(),
		/** When the session was ended (the latest 'end'); null while it is active. */
		endedAt: z.nullable(z.int()),
		/** The next session's date (YYYY-MM-DD) set when ending; '' when none. */
		nextSessionDate: z.string(),
		/** The session this one follows up; null for a first session. */
		previousSessionId: z.nullable(z.string()),
	}),
	elements: z.array(dfdElementSchema),
	...sessionRecordsResponse.shape,
})
export type SessionDetailsResponse = z.infer<typeof sessionDetailsResponse>

/** PATCH /api/sessions/:id: the facilitator sets or clears the project prefix. */
export const updateSessionBody = z.object({ projectPrefix: z.nullable(projectPrefixSchema) })

export const errorResponse = z.object({
	error: z.string(),
	issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
	limit: z.optional(z.int()),
	/** A machine-readable cause where the page reacts to it, e.g. LINK_REVOKED on join. */
	reason: z.optional(z.string()),
})
