import type { RejectedMessage } from '@/lib/protocol/customMessages'

/** A push can carry thousands of writes; past this many refusals, one push gets no more messages. */
export const MAX_REJECTIONS_PER_FLUSH = 20

/**
 * Collects the `rejected` messages of one push and sends them once the push is handled. Authorizers
 * run inside the room's commit, which must do no I/O; and the cap keeps a client from turning one
 * message into thousands of replies.
 */
export class RejectionReporter {
	private readonly pending = new Map<string, RejectedMessage[]>()
	private scheduled = false

	constructor(private readonly send: (sessionId: string, message: RejectedMessage) => void) {}

	report(sessionId: string, message: RejectedMessage): void {
		const queued = this.pending.get(sessionId) ?? []
		if (queued.length < MAX_REJECTIONS_PER_FLUSH) queued.push(message)
		this.pending.set(sessionId, queued)
		if (this.scheduled) return
		this.scheduled = true
		queueMicrotask(() => this.flush())
	}

	private flush(): void {
		this.scheduled = false
		const batches = [...this.pending]
		this.pending.clear()
		for (const [sessionId, messages] of batches) for (const message of messages) this.send(sessionId, message)
	}
}
