import { z } from 'zod'
import { roleSchema } from '../roles'
import { DISPLAY_NAME_MAX_LENGTH, USER_ID_PATTERN } from './identity'

// Messages the party sends over the tldraw sync socket (`room.sendCustomMessage`), received by
// `useSync({ onCustomMessageReceived })`. The browser parses every one with `parseCustomMessage`.

export const personSchema = z.object({
	userId: z.string().regex(USER_ID_PATTERN),
	name: z.string().min(1).max(DISPLAY_NAME_MAX_LENGTH),
	role: roleSchema,
})
export type Person = z.infer<typeof personSchema>

/** Everyone connected now, one entry per person (not per tab); sent to all on every join and leave. */
export const peopleMessageSchema = z.object({
	type: z.literal('people'),
	people: z.array(personSchema),
})
export type PeopleMessage = z.infer<typeof peopleMessageSchema>

/** The room's time when the session's handshake completed, so a browser can show the room's timer. */
export const clockMessageSchema = z.object({
	type: z.literal('clock'),
	serverNow: z.number().nonnegative(),
})
export type ClockMessage = z.infer<typeof clockMessageSchema>

export const REJECTED_ACTIONS = ['create', 'update', 'delete'] as const

/**
 * The room refused one record write of this session. tldraw's own answer is silent (the client
 * rolls the change back); this says which record and why, for the person who tried.
 */
export const rejectedMessageSchema = z.object({
	type: z.literal('rejected'),
	recordType: z.string(),
	recordId: z.string(),
	action: z.enum(REJECTED_ACTIONS),
	reason: z.string(),
})
export type RejectedMessage = z.infer<typeof rejectedMessageSchema>

export const customMessageSchema = z.discriminatedUnion('type', [
	peopleMessageSchema,
	clockMessageSchema,
	rejectedMessageSchema,
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
} as const
