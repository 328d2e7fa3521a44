import { uniqueId } from '@tldraw/utils'
import type { RecordId } from '@tldraw/store'
import { SESSION_EVENT_TYPE, type SessionEventAction, type SessionEventRecord } from '@/lib/session/records/sessionEventRecord'
import { serverNow } from '@/lib/session/serverClock'
import type { SessionValue } from '@/components/panel/SessionContext'
import { putSessionRecords } from '@/components/panel/sessionWrites'

type Session = Pick<SessionValue, 'editor' | 'serverOffsetMs'>

/**
 * An end or a reopen, appended to the session's history. The room stamps who and when; until its
 * answer arrives the browser's estimate of the room's clock orders it, so the banner shows at once.
 */
function sessionEventRecord(action: SessionEventAction, nextSessionDate: string, estimatedAt: number): SessionEventRecord {
	return {
		id: `${SESSION_EVENT_TYPE}:${uniqueId()}` as RecordId<SessionEventRecord>,
		typeName: SESSION_EVENT_TYPE,
		action,
		nextSessionDate,
		at: estimatedAt,
		by: '',
		byName: '',
	}
}

export function endSession({ editor, serverOffsetMs }: Session, nextSessionDate: string): void {
	putSessionRecords(editor, [sessionEventRecord('end', nextSessionDate, serverNow(serverOffsetMs))])
}

export function reopenSession({ editor, serverOffsetMs }: Session): void {
	putSessionRecords(editor, [sessionEventRecord('reopen', '', serverNow(serverOffsetMs))])
}
