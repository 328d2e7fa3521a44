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

export const customMessageSchema = z.discriminatedUnion('type', [peopleMessageSchema])
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
