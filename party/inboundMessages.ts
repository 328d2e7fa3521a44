import { TLSyncErrorCloseEventReason } from '@tldraw/sync-core'
import type * as Party from 'partykit/server'
import { type ErrorMessage, PARTY_CLOSE_REASON, type RateLimitedMessage } from '@/lib/protocol/customMessages'
import type { ClientMessage } from './clientMessages'
import { MessageGate } from './messageGate'
import { frameBytes } from './messageSize'
import { type RateLimits, RATE_LIMITS, SessionThrottle } from './rateLimit'

type Frame = string | ArrayBuffer | ArrayBufferView

interface Inbound {
	conn: Party.Connection
	frame: Frame
	bytes: number
}

export interface InboundHandlers {
	/** A whole message that passed the gate, for tldraw's room: `text` as the client sent it (joined if chunked), `message` the gate's parse of it. */
	handle(conn: Party.Connection, text: string, message: ClientMessage): void
	/** tldraw's custom message to a session whose handshake is through (`room.sendCustomMessage`). */
	sendCustom(sessionId: string, message: ErrorMessage | RateLimitedMessage): void
	isConnected(sessionId: string): boolean
	/** Close the session's socket with 4099 and `reason`, and forget it. */
	close(sessionId: string, reason: string): void
	warn(message: string): void
}

/**
 * The way in for every frame of a socket the room accepted: the per-connection rate limit
 * (rateLimit.ts), then the gate (messageGate.ts), then tldraw. Each frame ends in exactly one of:
 * handled by tldraw, part of a chunked message, an `error` reply, or a 4099 close with a reason.
 */
export class InboundMessages {
	private readonly gate = new MessageGate()
	private readonly throttle: SessionThrottle<Inbound>

	constructor(
		private readonly handlers: InboundHandlers,
		limits: RateLimits = RATE_LIMITS,
	) {
		this.throttle = new SessionThrottle<Inbound>(
			{
				process: (_sessionId, inbound) => this.process(inbound),
				slowedDown: (_sessionId, retryAfterMs, { conn }) => {
					const message: RateLimitedMessage = { type: 'rate-limited', retryAfterMs }
					this.tell(conn, message)
				},
				overflowed: (sessionId) => this.close(sessionId, PARTY_CLOSE_REASON.RATE_LIMITED),
			},
			limits,
		)
	}

	receive(conn: Party.Connection, frame: Frame): void {
		const bytes = frameBytes(frame)
		this.throttle.submit(conn.id, { conn, frame, bytes }, bytes)
	}

	/** The socket is gone: drop its half-received message and everything still waiting. */
	forget(sessionId: string): void {
		this.gate.forget(sessionId)
		this.throttle.forget(sessionId)
	}

	private process({ conn, frame, bytes }: Inbound): void {
		try {
			const verdict = this.gate.inspect(conn.id, frame, bytes, { connected: this.handlers.isConnected(conn.id) })
			switch (verdict.kind) {
				case 'deliver':
					this.handlers.handle(conn, verdict.text, verdict.message)
					break
				case 'refuse': {
					const message: ErrorMessage = { type: 'error', reason: verdict.reason, detail: verdict.detail }
					this.tell(conn, message)
					break
				}
				case 'close':
					this.close(conn.id, verdict.reason)
					break
				case 'wait':
					break
			}
		} catch (error) {
			// Whatever went wrong, it ends this socket, not the room.
			this.handlers.warn(`a message failed: ${error instanceof Error ? error.message : String(error)}`)
			this.close(conn.id, TLSyncErrorCloseEventReason.UNKNOWN_ERROR)
		}
	}

	private close(sessionId: string, reason: string): void {
		this.handlers.warn(`closing a session: ${reason}`)
		this.forget(sessionId)
		this.handlers.close(sessionId, reason)
	}

	// tldraw delivers custom messages to connected sessions only; before the handshake the reply goes
	// on the socket itself, framed as tldraw's own `custom` event so any client reads it the same way.
	private tell(conn: Party.Connection, message: ErrorMessage | RateLimitedMessage): void {
		try {
			if (this.handlers.isConnected(conn.id)) this.handlers.sendCustom(conn.id, message)
			else conn.send(JSON.stringify({ type: 'custom', data: message }))
		} catch {
			// The socket is closing: its close event cleans up.
		}
	}
}
