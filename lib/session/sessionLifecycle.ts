import { compareByTimeThenId, latestSessionEvent, type SessionEventLike } from './sessionStatus'

/**
 * Whether the room's session has ended, for its authorizers. They run inside tldraw's commit and
 * cannot read the store, so the room keeps the latest session event here: loaded from the saved
 * records, moved on as soon as an 'end' or 'reopen' is authorized (so the rest of the same push
 * already obeys it), and settled against the committed records once the push is through.
 *
 * Settling matters because tldraw commits a push all or nothing: one invalid record anywhere in
 * the push rolls back a session event that was valid and authorized. Re-reading the store then
 * puts the flag back. The room only pays for that read after a push that carried a session event.
 */
export class SessionLifecycle {
	private latest: SessionEventLike | null
	private unsettled = false

	constructor(events: readonly SessionEventLike[] = []) {
		this.latest = latestSessionEvent(events)
	}

	/** Start over from these events, e.g. the room's records once it has loaded and migrated them. */
	load(events: readonly SessionEventLike[]): void {
		this.latest = latestSessionEvent(events)
		this.unsettled = false
	}

	get isEnded(): boolean {
		return this.latest?.action === 'end'
	}

	/** The room's stamp of the latest event, so a new one can be stamped strictly after it. */
	get latestAt(): number | null {
		return this.latest?.at ?? null
	}

	/** A session event the room authorized and validated, in force until `settle` says otherwise. */
	provisionally(event: SessionEventLike): void {
		if (this.latest === null || compareByTimeThenId(this.latest, event) < 0) this.latest = { ...event }
		this.unsettled = true
	}

	/** After a push: the committed session events decide. Reads them only if the push carried one. */
	settle(committed: () => readonly SessionEventLike[]): void {
		if (this.unsettled) this.load(committed())
	}
}
