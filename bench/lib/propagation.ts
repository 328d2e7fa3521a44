import type { RecordsDiff } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'

// "Time until every other client has it": one watch per edit, fed by every client's store
// listener. Clients live in this process, so one clock (performance.now) times sender and receivers.

interface Watch {
	test: (record: TLRecord) => boolean
	startedAt: number
	sender: number
	expected: number
	seenAt: Map<number, number>
	resolve: () => void
}

export interface PropagationResult {
	/** ms until the last receiver had it; NaN if some never did within the bound. */
	allMs: number
	/** ms per receiver that had it. */
	perReceiverMs: number[]
	missing: number
}

export class PropagationTracker {
	private readonly watches = new Map<string, Watch>()

	/** For each client's remote changes (connectSyncClient's onRemoteChange). */
	readonly onRemoteChange = (client: { index: number }, changes: RecordsDiff<TLRecord>): void => {
		if (this.watches.size === 0) return
		for (const record of Object.values(changes.added)) this.check(client.index, record)
		for (const [, record] of Object.values(changes.updated)) this.check(client.index, record)
	}

	/** Feeds a record a non-tldraw client (the relay) received. */
	seen(clientIndex: number, record: TLRecord): void {
		this.check(clientIndex, record)
	}

	private check(clientIndex: number, record: TLRecord): void {
		const watch = this.watches.get(record.id)
		if (!watch || clientIndex === watch.sender || watch.seenAt.has(clientIndex) || !watch.test(record)) return
		watch.seenAt.set(clientIndex, performance.now())
		if (watch.seenAt.size >= watch.expected) watch.resolve()
	}

	/**
	 * Starts timing: call right before the sender's write. Resolves when `receivers` clients other
	 * than the sender saw a version of `id` passing `test`, or after `timeoutMs`.
	 */
	async measure(
		id: string,
		test: (record: TLRecord) => boolean,
		{ sender, receivers, timeoutMs }: { sender: number; receivers: number; timeoutMs: number },
		write: () => void,
	): Promise<PropagationResult> {
		let resolve: () => void = () => {}
		const done = new Promise<void>((r) => {
			resolve = r
		})
		const watch: Watch = { test, startedAt: performance.now(), sender, expected: receivers, seenAt: new Map(), resolve }
		this.watches.set(id, watch)
		let timer: ReturnType<typeof setTimeout> | undefined
		try {
			watch.startedAt = performance.now()
			write()
			if (receivers > 0) {
				await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))])
			}
		} finally {
			clearTimeout(timer)
			this.watches.delete(id)
		}
		const perReceiverMs = [...watch.seenAt.values()].map((at) => at - watch.startedAt)
		const missing = receivers - watch.seenAt.size
		return { allMs: missing > 0 ? Number.NaN : Math.max(0, ...perReceiverMs), perReceiverMs, missing }
	}
}

/** Runs `tasks` with at most `concurrency` at a time, in order; rejects with the first failure. */
export async function inBatches<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
	for (let start = 0; start < items.length; start += concurrency) {
		await Promise.all(items.slice(start, start + concurrency).map(task))
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Rejects after `ms` with `what` in the message; for every wait on something outside our control. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined
	try {
		return await Promise.race([
			promise,
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
			}),
		])
	} finally {
		clearTimeout(timer)
	}
}

/** A deterministic pseudo-random sequence (mulberry32), so runs make the same edits. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}
