import type { SessionEventRecord } from './records/sessionEventRecord'
import { latestSessionEvent } from './sessionStatus'

/** What the panel reads of a session event record; any string id, as latestSessionEvent only compares them. */
export type SessionEndEvent = Pick<SessionEventRecord, 'action' | 'nextSessionDate' | 'at' | 'byName'> & { id: string }

export type SessionEndState =
	| { ended: false }
	| {
			ended: true
			/** The room's stamp of the latest "end". */
			endedAt: number
			/** YYYY-MM-DD, or '' when no next session was planned. */
			nextSessionDate: string
			endedByName: string
	  }

/**
 * Ended or not, and since when, from the append-only history of ends and reopens: the event in
 * force is picked exactly as the room picks it (sessionStatus.ts), so the banner and the room's
 * refusals never disagree.
 */
export function sessionEndState(events: readonly SessionEndEvent[]): SessionEndState {
	const latest = latestSessionEvent(events)
	if (latest?.action !== 'end') return { ended: false }
	return { ended: true, endedAt: latest.at, nextSessionDate: latest.nextSessionDate, endedByName: latest.byName }
}
