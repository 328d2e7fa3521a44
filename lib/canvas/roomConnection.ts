import { atom, type Signal } from '@tldraw/state'
import type { TLPersistentClientSocket, TLSocketStatusChangeEvent } from '@tldraw/sync-core'

type WatchedSocket = Pick<TLPersistentClientSocket<object, object>, 'onReceiveMessage' | 'onStatusChange' | 'restart'>

/**
 * How long this client may go without being in the room before its socket is started afresh:
 * longer than the room ever holds a healthy handshake (it answers or closes with ROOM_LOADING
 * within 10 s, party/index.ts), short enough that nobody waits a minute after a restart.
 */
export const ROOM_STALL_MS = 20_000

/**
 * Whether this client is really in the room, and a watchdog that restarts a socket that is not.
 *
 * tldraw's socket says "online" as soon as the WebSocket opens, before the room has answered the
 * client's `connect`, so only that answer counts as being in the room. Its reconnect loop retries
 * a socket that closes, but puts no deadline on one that never does: an opening handshake the
 * server never completes (a room runtime restarting under load accepts the connection and holds
 * it) stays CONNECTING until the browser gives up, minutes later, and tldraw's own ping only runs
 * once the client is in the room. So while the client is out of the room, every ROOM_STALL_MS the
 * socket is restarted: the hung attempt is dropped and a new one starts at once.
 */
export class RoomConnection {
	private readonly current = atom('in the room', false)
	private socket: WatchedSocket | null = null
	private timer: ReturnType<typeof setTimeout> | null = null

	/** True from the room's answer to `connect` until the socket drops. */
	get inRoom(): Signal<boolean> {
		return this.current
	}

	/** Watches one socket until the returned function is called (before the socket is closed). */
	watch(socket: WatchedSocket): () => void {
		this.release()
		this.socket = socket
		const stopStatus = socket.onStatusChange((event: TLSocketStatusChangeEvent) => {
			// An error is final (a revoked link, a bad token): tldraw closes the socket, nothing to retry.
			if (event.status === 'error') this.release()
			else this.leave()
		})
		const stopMessages = socket.onReceiveMessage((message) => {
			if ('type' in message && message.type === 'connect') this.enter()
		})
		this.leave()
		return () => {
			stopStatus()
			stopMessages()
			if (this.socket === socket) this.release()
		}
	}

	private enter(): void {
		this.disarm()
		this.current.set(true)
	}

	private leave(): void {
		this.current.set(false)
		// Armed once per stretch out of the room: failed attempts in between must not postpone it.
		if (this.timer === null && this.socket !== null) this.timer = setTimeout(() => this.stalled(), ROOM_STALL_MS)
	}

	private stalled(): void {
		this.timer = null
		if (this.socket === null || this.current.get()) return
		console.warn(`Not in the session's room for ${ROOM_STALL_MS / 1000} s: reconnecting`)
		this.socket.restart()
		this.leave()
	}

	private release(): void {
		this.disarm()
		this.socket = null
		this.current.set(false)
	}

	private disarm(): void {
		if (this.timer !== null) clearTimeout(this.timer)
		this.timer = null
	}
}
