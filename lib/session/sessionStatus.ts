import type { SessionStatus } from '../sessionEnums'
import type { SessionEventAction } from './records/sessionEventRecord'

/** What the status needs of a session event: a record, a table row or an API item alike. */
export interface SessionEventLike {
	id: string
	action: SessionEventAction
	at: number
}

/** Latest last: by the room's stamp, then by id, so every reader picks the same event. */
export function compareByTimeThenId(a: { id: string; at: number }, b: { id: string; at: number }): number {
	if (a.at !== b.at) return a.at - b.at
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The event in force, or null before any. */
export function latestSessionEvent<E extends SessionEventLike>(events: readonly E[]): E | null {
	let latest: E | null = null
	for (const event of events) if (latest === null || compareByTimeThenId(latest, event) < 0) latest = event
	return latest
}

/** A session is ended while its latest event is an 'end'; a 'reopen' (or no event) makes it active. */
export function sessionStatusOf(events: readonly SessionEventLike[]): SessionStatus {
	return latestSessionEvent(events)?.action === 'end' ? 'ended' : 'active'
}

export function isSessionEnded(events: readonly SessionEventLike[]): boolean {
	return sessionStatusOf(events) === 'ended'
}
