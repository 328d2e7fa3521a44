import type { ReviewEventRecord, ReviewStatus } from './records/reviewEventRecord'

export interface ReviewState {
	status: ReviewStatus
	/** Who set it and when; null before the facilitator first sets one. */
	setByName: string | null
	setAt: number | null
}

const NOT_STARTED: ReviewState = { status: 'notStarted', setByName: null, setAt: null }

type EventLike = Pick<ReviewEventRecord, 'status' | 'seq' | 'at' | 'byName'> & { id: string }

/** The events oldest first: the room's sequence, then its clock, then the id. */
export function orderedReviewEvents<E extends EventLike>(events: readonly E[]): E[] {
	return [...events].sort((a, b) => a.seq - b.seq || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The status in force: the latest event's, or 'not started'. Unstamped events (seq 0, not yet taken by the room) do not count. */
export function currentReview(events: readonly EventLike[]): ReviewState {
	const latest = orderedReviewEvents(events.filter((event) => event.seq > 0)).at(-1)
	return latest ? { status: latest.status, setByName: latest.byName, setAt: latest.at } : NOT_STARTED
}
