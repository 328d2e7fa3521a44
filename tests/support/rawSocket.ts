import WebSocket from 'ws'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { getTlsyncProtocolVersion } from '@/lib/canvas/syncCoreInternals'

// A WebSocket to the room driven by hand, frame by frame, for what tldraw's client never sends:
// junk, floods, frames over the limits.

export interface RawSocket {
	readonly ws: WebSocket
	/** Resolves once the socket has closed, with the code and reason the client saw. */
	readonly closed: Promise<{ code: number; reason: string }>
	isOpen(): boolean
	/** The client-side error that ended the socket, if any (a `1006` close says no more). */
	lastError(): string | null
	/** The `data` of every tldraw `custom` event received, oldest first. */
	readonly custom: unknown[]
	/** Called with every `custom` event's data as it arrives. */
	onCustom(listener: (data: unknown) => void): void
	/** Server messages of other types received so far (`connect`, `data`, `pong`…), by type. */
	readonly counts: Map<string, number>
	/** The client clocks of the `push_result`s received, in order. */
	readonly pushResults: number[]
	/** Sends a valid `connect` and resolves when the room answers it. */
	handshake(timeoutMs?: number): Promise<void>
	/** Resolves when the frame has been handed to the kernel, or the socket is gone. */
	send(frame: string | Uint8Array): Promise<void>
	close(): void
}

/** How long after the closing handshake the client waits for the server to end the connection. */
const CLOSE_TIMEOUT_MS = 1_000

function connectMessage(): string {
	return JSON.stringify({
		type: 'connect',
		connectRequestId: `raw-${Math.random().toString(36).slice(2)}`,
		lastServerClock: -1,
		protocolVersion: getTlsyncProtocolVersion(),
		schema: threatroomSchema.serialize(),
	})
}

/** Resolves once open; a socket the room closes right away still opens first. */
export function openRawSocket(url: string, timeoutMs = 10_000): Promise<RawSocket> {
	// workerd sends its close frame for an oversized frame at once but can keep the TCP connection
	// open for a while; ws would wait 30 s for it before reporting the close.
	const ws = new WebSocket(url, { closeTimeout: CLOSE_TIMEOUT_MS } as WebSocket.ClientOptions)
	let refusal = ''
	ws.on('unexpected-response', (_request, response) => {
		refusal = ` (HTTP ${response.statusCode})`
		ws.terminate()
	})
	const custom: unknown[] = []
	const counts = new Map<string, number>()
	const pushResults: number[] = []
	const listeners: ((data: unknown) => void)[] = []
	const connectWaiters: (() => void)[] = []
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	})
	let lastError: string | null = null
	// A cut connection also closes, and the close is the answer; the error says why, for a failure message.
	ws.on('error', (error) => {
		lastError = error.message
	})
	ws.on('message', (data, isBinary) => {
		if (isBinary) return
		let message: { type?: string; data?: unknown; clientClock?: number }
		try {
			message = JSON.parse(data.toString())
		} catch {
			return
		}
		if (message.type === 'custom') {
			custom.push(message.data)
			for (const listener of listeners) listener(message.data)
			return
		}
		counts.set(String(message.type), (counts.get(String(message.type)) ?? 0) + 1)
		const events = message.type === 'data' && Array.isArray(message.data) ? (message.data as (typeof message)[]) : [message]
		for (const event of events) if (event.type === 'push_result' && typeof event.clientClock === 'number') pushResults.push(event.clientClock)
		if (message.type === 'connect') for (const resolve of connectWaiters.splice(0)) resolve()
	})
	const socket: RawSocket = {
		ws,
		closed,
		custom,
		counts,
		pushResults,
		isOpen: () => ws.readyState === WebSocket.OPEN,
		lastError: () => lastError,
		onCustom: (listener) => listeners.push(listener),
		handshake(ms = 10_000) {
			return new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('the room did not answer the handshake')), ms)
				connectWaiters.push(() => {
					clearTimeout(timer)
					resolve()
				})
				void closed.then(({ code, reason }) => {
					clearTimeout(timer)
					reject(new Error(`closed during the handshake: ${code} ${reason}`))
				})
				ws.send(connectMessage())
			})
		},
		send(frame) {
			return new Promise<void>((resolve) => {
				if (ws.readyState !== WebSocket.OPEN) return resolve()
				ws.send(frame, { binary: typeof frame !== 'string' }, () => resolve())
			})
		},
		close() {
			// A closing handshake, as a browser leaves: cutting the TCP connection instead is a case of its own.
			if (ws.readyState === WebSocket.OPEN) ws.close(1000)
			else if (ws.readyState === WebSocket.CONNECTING) ws.terminate()
		},
	}
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			ws.terminate()
			reject(new Error(`${url} did not open within ${timeoutMs} ms`))
		}, timeoutMs)
		ws.once('open', () => {
			clearTimeout(timer)
			resolve(socket)
		})
		ws.once('close', (code, reason) => {
			clearTimeout(timer)
			reject(new Error(`closed before opening: ${code} ${reason.toString()}${refusal}`))
		})
	})
}
