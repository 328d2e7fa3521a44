import * as z from 'zod/mini'
import { roleSchema } from '../roles'
import { DISPLAY_NAME_MAX_LENGTH, USER_ID_PATTERN } from './identity'

// Messages the party sends over the tldraw sync socket (`room.sendCustomMessage`), received by
// `useSync({ onCustomMessageReceived })`. The browser parses every one with `parseCustomMessage`.

export const personSchema = z.object({
	userId: z.string().check(z.regex(USER_ID_PATTERN)),
	name: z.string().check(z.minLength(1), z.maxLength(DISPLAY_NAME_MAX_LENGTH)),
	role: roleSchema,
})
export type Person = z.infer<typeof personSchema>

/** Everyone connected now, one entry per person (not per tab); sent to all on every join and leave. */
const peopleMessageSchema = z.object({
	type: z.literal('people'),
	people: z.array(personSchema),
})
export type PeopleMessage = z.infer<typeof peopleMessageSchema>

/**
 * The room's time, so a browser can show the room's timer: when the session's handshake completed
 * (`handshake: true`), then every few seconds to everyone (lib/session/serverClock.ts says why).
 */
const clockMessageSchema = z.object({
	type: z.literal('clock'),
	serverNow: z.number().check(z.nonnegative()),
	handshake: z.optional(z.boolean()),
})
export type ClockMessage = z.infer<typeof clockMessageSchema>

const REJECTED_ACTIONS = ['create', 'update', 'delete'] as const

/**
 * The room refused one record write of this session. tldraw's own answer is silent (the client
 * rolls the change back); this says which record and why, for the person who tried.
 */
const rejectedMessageSchema = z.object({
	type: z.literal('rejected'),
	recordType: z.string(),
	recordId: z.string(),
	action: z.enum(REJECTED_ACTIONS),
	reason: z.string(),
})
export type RejectedMessage = z.infer<typeof rejectedMessageSchema>

/**
 * Why the room refused one message without closing the socket (docs/protocol.md, "Errors"): the
 * message was dropped before tldraw saw it and nothing changed. tldraw's own client never sends one
 * of these; they tell someone writing a client by hand what they got wrong.
 */
export const MESSAGE_ERROR_REASON = {
	/** A binary frame: the sync protocol is JSON text. */
	BINARY_MESSAGE: 'BINARY_MESSAGE',
	/** Not JSON (a whole message, or a chunked one once joined). */
	INVALID_JSON: 'INVALID_JSON',
	/** JSON, but not a `connect`, `push` or `ping` of tldraw's protocol as the room speaks it. */
	BAD_MESSAGE: 'BAD_MESSAGE',
	/** A chunk out of sequence, or a whole message in the middle of a chunked one: both are dropped. */
	BAD_CHUNK: 'BAD_CHUNK',
	/** A `push` or `ping` before the `connect` handshake was answered. */
	NOT_CONNECTED: 'NOT_CONNECTED',
} as const
export type MessageErrorReason = (typeof MESSAGE_ERROR_REASON)[keyof typeof MESSAGE_ERROR_REASON]

const errorMessageSchema = z.object({
	type: z.literal('error'),
	reason: z.enum(MESSAGE_ERROR_REASON),
	/** What was wrong, for a person reading it; never echoes the message. */
	detail: z.string(),
})
export type ErrorMessage = z.infer<typeof errorMessageSchema>

/**
 * This connection sends faster than the room processes (docs/protocol.md, "Limits"): its messages
 * wait in order and are handled at the allowed rate. Sent once per burst.
 */
const rateLimitedMessageSchema = z.object({
	type: z.literal('rate-limited'),
	/**
	 * As of the notice: how long until the room has handled what it holds for this connection and
	 * earned back a whole burst. A client that pauses this long is no longer slowed.
	 */
	retryAfterMs: z.int().check(z.nonnegative()),
})
export type RateLimitedMessage = z.infer<typeof rateLimitedMessageSchema>

/**
 * The project prefix and session number exported IDs compose with (lib/session/composedIds.ts),
 * after the facilitator changed them (PATCH /api/sessions/:id), so every open page shows the new
 * IDs without a reload; also sent on joining when they changed since the room started.
 */
const projectMessageSchema = z.object({
	type: z.literal('project'),
	projectPrefix: z.nullable(z.string().check(z.maxLength(10))),
	sessionNumber: z.int().check(z.positive()),
})
export type ProjectMessage = z.infer<typeof projectMessageSchema>

const customMessageSchema = z.discriminatedUnion('type', [
	peopleMessageSchema,
	clockMessageSchema,
	rejectedMessageSchema,
	errorMessageSchema,
	rateLimitedMessageSchema,
	projectMessageSchema,
])
export type CustomMessage = z.infer<typeof customMessageSchema>

/** null for anything this version does not understand, so a newer party never breaks an older page. */
export function parseCustomMessage(data: unknown): CustomMessage | null {
	const result = customMessageSchema.safeParse(data)
	return result.success ? result.data : null
}

/**
 * Close reasons the party adds to tldraw's own (`TLSyncErrorCloseEventReason`). Sent with close
 * code 4099, so `useSync` reports them as an error instead of reconnecting.
 */
export const PARTY_CLOSE_REASON = {
	/** One message (or one chunked message) was larger than the party accepts. */
	MESSAGE_TOO_LARGE: 'MESSAGE_TOO_LARGE',
	/**
	 * More messages waited for their turn than the room holds for one connection (party/rateLimit.ts).
	 * The same string as tldraw's own TLSyncErrorCloseEventReason.RATE_LIMITED.
	 */
	RATE_LIMITED: 'RATE_LIMITED',
	/** The facilitator replaced the link this socket joined with (POST /api/sessions/:id/links/rotate). */
	LINK_REVOKED: 'LINK_REVOKED',
} as const
