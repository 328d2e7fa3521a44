// When the room writes its canvas to the app: soon after a change, never more than one request at
// a time, and never giving up on a change it has not saved.

/** Quiet time after the last change before saving. */
export const PERSIST_DEBOUNCE_MS = 1_000
/** Under continuous edits, save at least this often. */
export const PERSIST_MAX_WAIT_MS = 2_000
const RETRY_FIRST_MS = 500
export const RETRY_MAX_MS = 10_000

/**
 * Debounces saves and retries failed ones with exponential backoff. `save` must read the room's
 * state when it runs (not when scheduled), so a retry or a late save always carries the newest
 * canvas; the app ignores one older than what it stores.
 */
export class SaveScheduler {
	/** When the oldest unsaved change happened; null when everything is saved. */
	private dirtySince: number | null = null
	private timer: ReturnType<typeof setTimeout> | null = null
	private inFlight = false
	private failures = 0
	private urgent = false

	private readonly debounceMs: number

	/** `debounceMs` (default PERSIST_DEBOUNCE_MS, at most the max wait): tests shorten it to run faster. */
	constructor(
		private readonly save: () => Promise<void>,
		private readonly onSaveError: (error: unknown, failures: number, retryInMs: number) => void,
		{ debounceMs = PERSIST_DEBOUNCE_MS }: { debounceMs?: number } = {},
	) {
		this.debounceMs = Math.min(debounceMs, PERSIST_MAX_WAIT_MS)
	}

	/** Something changed that is not saved yet. */
	changed(): void {
		this.dirtySince ??= Date.now()
		// While a save runs, or while backing off after a failure, the next attempt is already due.
		if (!this.inFlight && this.failures === 0) this.schedule()
	}

	/** Save now rather than after the debounce, e.g. when the last person leaves. */
	flush(): void {
		this.urgent = true
		if (!this.inFlight && this.failures === 0 && this.dirtySince !== null) this.schedule()
	}

	get hasUnsavedChanges(): boolean {
		return this.dirtySince !== null
	}

	private schedule(): void {
		if (this.dirtySince === null) return
		const untilMaxWait = this.dirtySince + PERSIST_MAX_WAIT_MS - Date.now()
		const delay = this.urgent ? 0 : Math.max(0, Math.min(this.debounceMs, untilMaxWait))
		this.setTimer(delay)
	}

	private setTimer(delay: number): void {
		if (this.timer !== null) clearTimeout(this.timer)
		this.timer = setTimeout(() => {
			this.timer = null
			void this.run()
		}, delay)
	}

	private async run(): Promise<void> {
		if (this.inFlight || this.dirtySince === null) return
		const pendingSince = this.dirtySince
		this.dirtySince = null
		this.urgent = false
		this.inFlight = true
		try {
			await this.save()
			this.failures = 0
			this.inFlight = false
			this.schedule()
		} catch (error) {
			this.failures++
			this.inFlight = false
			// Changes made during the failed request are covered by the retry too.
			this.dirtySince = Math.min(pendingSince, this.dirtySince ?? pendingSince)
			const retryInMs = retryDelayMs(this.failures)
			this.onSaveError(error, this.failures, retryInMs)
			this.setTimer(retryInMs)
		}
	}
}

/** Delay before retry number `failures` (1-based) of a save or a load. */
export function retryDelayMs(failures: number): number {
	return Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS)
}
