import { z } from 'zod'
import { dfdElementSchema } from '@/lib/dfd/dfdElementSchema'
import { PROJECT_PREFIX_PATTERN } from '@/lib/session/composedIds'
import { FRAMEWORKS, ROLES } from '@/lib/sessionEnums'
import { linkTokenSchema } from './sessionSchemas'

// Bodies and responses of the app's internal API, called only by the party.

/** Header carrying INTERNAL_SECRET on every internal request. */
export const INTERNAL_SECRET_HEADER = 'x-threatroom-secret'

export const authorizeBody = z.object({ token: linkTokenSchema })

export const authorizeResponse = z.object({ role: z.enum(ROLES) })
export type AuthorizeResponse = z.infer<typeof authorizeResponse>

/** The tldraw room snapshot is validated by the room itself when it loads; here it is opaque JSON. */
export const canvasSnapshotSchema = z.record(z.string(), z.unknown())
export type CanvasSnapshot = z.infer<typeof canvasSnapshotSchema>

export const humanIdCountersSchema = z.record(z.string(), z.int().min(0))
export type HumanIdCounters = z.infer<typeof humanIdCountersSchema>

/** The canvas as the app keeps it; a session never saved has no snapshot and clock 0. */
export const storedCanvasState = z.object({
	snapshot: canvasSnapshotSchema.nullable(),
	clock: z.int().min(0),
	humanIdCounters: humanIdCountersSchema,
})
export type StoredCanvasState = z.infer<typeof storedCanvasState>

export const canvasStateResponse = storedCanvasState.extend({
	/** The session's framework: the room refuses threat and n/a categories outside it. */
	framework: z.enum(FRAMEWORKS),
})
export type CanvasStateResponse = z.infer<typeof canvasStateResponse>

export const saveCanvasBody = z
	.object({
		snapshot: canvasSnapshotSchema,
		clock: z.int().min(0),
		humanIdCounters: humanIdCountersSchema,
		elements: z.array(dfdElementSchema),
	})
	.superRefine((body, ctx) => {
		// Duplicates would violate the table's keys and surface as a 500 the room retries forever.
		const shapeIds = new Set<string>()
		const humanIds = new Set<string>()
		body.elements.forEach((element, index) => {
			if (shapeIds.has(element.shapeId)) {
				ctx.addIssue({ code: 'custom', path: ['elements', index, 'shapeId'], message: 'Duplicate shapeId' })
			}
			if (humanIds.has(element.humanId)) {
				ctx.addIssue({ code: 'custom', path: ['elements', index, 'humanId'], message: 'Duplicate humanId' })
			}
			shapeIds.add(element.shapeId)
			humanIds.add(element.humanId)
		})
	})
export type SaveCanvasBody = z.infer<typeof saveCanvasBody>

export const saveCanvasResponse = z.object({ saved: z.boolean(), clock: z.int().min(0) })
export type SaveCanvasResponse = z.infer<typeof saveCanvasResponse>

// App → party: `POST <PARTY_INTERNAL_URL>/party/<sessionId>` with the same shared secret, when the
// facilitator rotated a link (app/api/sessions/[id]/links/rotate, party/linkRevocation.ts) or
// changed the project prefix (app/api/sessions/[id]), answered by party/appRequests.ts.

/** A link token's SHA-256, hex: what the database stores and what the room knows each socket by. */
export const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/

export const revokeLinksBody = z.object({
	type: z.literal('revoke-links'),
	tokenHashes: z.array(z.string().regex(TOKEN_HASH_PATTERN)).min(1).max(16),
})
export type RevokeLinksBody = z.infer<typeof revokeLinksBody>

/** How many open sockets of the room used one of the links and were closed. */
export const revokeLinksResponse = z.object({ disconnected: z.int().min(0) })
export type RevokeLinksResponse = z.infer<typeof revokeLinksResponse>

const projectChangedBody = z.object({
	type: z.literal('project-changed'),
	projectPrefix: z.string().regex(PROJECT_PREFIX_PATTERN).nullable(),
	sessionNumber: z.int().min(1),
})
export type ProjectChangedBody = z.infer<typeof projectChangedBody>

/** How many open sockets were told. */
export const projectChangedResponse = z.object({ notified: z.int().min(0) })
export type ProjectChangedResponse = z.infer<typeof projectChangedResponse>

export const roomRequestBody = z.discriminatedUnion('type', [revokeLinksBody, projectChangedBody])
