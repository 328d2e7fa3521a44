import type { WebSocketMinimal } from '@tldraw/sync-core'

/** The part of a PartyKit connection the gate sends through. */
export interface GateConnection {
	send(data: string): void
	close(code?: number, reason?: string): void
	readonly readyState: number
}

type Held =
	| { conn: GateConnection; clock: number; heldAt: number; kind: 'send'; data: string }
	| { conn: GateConnection; clock: number; heldAt: number; kind: 'close'; code?: number; reason?: string }

/**
 * An output gate for the room: nothing tldraw sends leaves before the state it can reveal is
 * durable. Each send is tagged with the room's document clock at the moment tldraw hands it over —
 * a push result, a patch or a connect answer can only show changes up to that clock — and is held
 * until that clock is durable (written ahead, or saved by the app), then released in the order it
 * was sent. So a client never sees a change acknowledged, nor another person's change, that a crash
 * of the room could take back.
 *
 * Clocks only grow, so one queue in send order is also in clock order: releasing its durable
 * prefix keeps every socket's messages in order. A close waits its turn like a send.
 */
export class OutputGate {
	private readonly held: Held[] = []
	private durable: number
	/** How long released messages were held (the latest 10,000), for the room's latency report. */
	private heldMs: number[] = []
	/** Messages released after a hold, and messages that left at once, since the last report. */
	private heldCount = 0
	private immediate = 0

	constructor(
		private readonly clock: () => number,
		durableClock: number,
		private readonly now: () => number = Date.now,
	) {
		this.durable = durableClock
	}

	/**
	 * A socket for tldraw that sends through the gate. It has no addEventListener: tldraw does not
	 * listen to the socket itself, the party forwards its events, so every message passes the
	 * party's own checks before tldraw parses it.
	 */
	socketFor(conn: GateConnection): WebSocketMinimal {
		return {
			send: (data) => this.enqueue({ conn, clock: this.clock(), heldAt: this.now(), kind: 'send', data }),
			close: (code, reason) => this.enqueue({ conn, clock: this.clock(), heldAt: this.now(), kind: 'close', code, reason }),
			get readyState() {
				return conn.readyState
			},
		}
	}

	/** Everything up to `clock` is durable: let out what waited for it. */
	release(clock: number): void {
		if (clock > this.durable) this.durable = clock
		const now = this.now()
		let released = 0
		for (const message of this.held) {
			if (message.clock > this.durable) break
			released++
			this.heldCount++
			this.heldMs.push(now - message.heldAt)
			deliver(message)
		}
		this.held.splice(0, released)
		if (this.heldMs.length > 10_000) this.heldMs.splice(0, this.heldMs.length - 10_000)
	}

	/** Messages waiting for a write. */
	get waiting(): number {
		return this.held.length
	}

	/** Since the last call: how many messages left at once, how many were held, and (a sample of) how long. */
	takeStats(): { immediate: number; held: number; heldMs: number[] } {
		const stats = { immediate: this.immediate, held: this.heldCount, heldMs: this.heldMs }
		this.immediate = 0
		this.heldCount = 0
		this.heldMs = []
		return stats
	}

	private enqueue(message: Held): void {
		if (this.held.length === 0 && message.clock <= this.durable) {
			this.immediate++
			deliver(message)
			return
		}
		this.held.push(message)
	}
}

function deliver(message: Held): void {
	try {
		if (message.kind === 'send') {
			// A socket that closed while its messages waited has nobody to read them.
			if (message.conn.readyState === 1) message.conn.send(message.data)
		} else {
			message.conn.close(message.code, message.reason)
		}
	} catch {
		// Closing or closed meanwhile: nothing to deliver to.
	}
}
