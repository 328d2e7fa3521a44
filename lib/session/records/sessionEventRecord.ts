import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, optionalDateValidator, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'

export const SESSION_EVENT_TYPE = 'session-event'

/** The facilitator ends the session (it turns read-only for everyone) or reopens it. */
export const SESSION_EVENT_ACTIONS = ['end', 'reopen'] as const
export type SessionEventAction = (typeof SESSION_EVENT_ACTIONS)[number]

export type SessionEventId = RecordId<SessionEventRecord>

/**
 * The session's life cycle as append-only events, like the phase changes: the room stamps who and
 * when, nobody changes or removes one, and the latest (by `at`, then id) says whether the session
 * has ended. Not to be confused with the agenda's `SessionEvent` (phase and timer, sessionEvents.ts).
 */
export interface SessionEventRecord extends BaseRecord<typeof SESSION_EVENT_TYPE, SessionEventId> {
	action: SessionEventAction
	/** When the group meets again (YYYY-MM-DD), set on 'end'; always '' on 'reopen'. */
	nextSessionDate: string
	at: number
	by: string
	byName: string
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[SESSION_EVENT_TYPE]: SessionEventRecord
	}
}

export const sessionEventRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<SessionEventRecord>({
		id: recordIdValidator<SessionEventId>(SESSION_EVENT_TYPE),
		typeName: T.literal(SESSION_EVENT_TYPE),
		action: T.literalEnum(...SESSION_EVENT_ACTIONS),
		nextSessionDate: optionalDateValidator,
		at: timestampValidator,
		by: boundedString(64),
		byName: boundedString(64),
	}),
}
