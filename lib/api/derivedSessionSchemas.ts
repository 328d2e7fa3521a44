import * as z from 'zod/mini'
import { projectPrefixSchema } from '@/lib/session/composedIds'
import { createSessionResponse, SESSION_NAME_MAX_LENGTH } from './sessionSchemas'

// Sessions created from something: POST /api/sessions/import (a Threat Dragon file) and
// POST /api/sessions/:id/follow-up (an ended session). Both answer like POST /api/sessions.

/** 5 MiB: the largest TD demo model is 80 KiB; this leaves room for real ones without inviting abuse. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024

const importIssueSchema = z.object({ path: z.string(), message: z.string() })

/** `POST /api/sessions/import?projectPrefix=PAY`: the file is the body, so the session's own fields travel in the query. */
export const importSessionQuery = z.object({ projectPrefix: z.optional(projectPrefixSchema) })
export const IMPORT_QUERY_KEYS = ['projectPrefix'] as const

export const importSessionResponse = z.extend(createSessionResponse, {
	/** What was changed to fit or could not be carried over; the import still succeeded. */
	warnings: z.array(importIssueSchema),
})
export type ImportSessionResponse = z.infer<typeof importSessionResponse>

export const followUpResponse = z.extend(createSessionResponse, { previousSessionId: z.string() })
export type FollowUpResponse = z.infer<typeof followUpResponse>

const FOLLOW_UP_SUFFIX = ' (follow-up)'

/** "Payments (follow-up)": the follow-up's name. A follow-up of a follow-up keeps one suffix, and the name its limit. */
export function followUpName(name: string): string {
	if (name.endsWith(FOLLOW_UP_SUFFIX)) return name
	return `${name.slice(0, SESSION_NAME_MAX_LENGTH - FOLLOW_UP_SUFFIX.length).trimEnd()}${FOLLOW_UP_SUFFIX}`
}
