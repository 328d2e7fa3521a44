import * as syncCore from '@tldraw/sync-core'
import type { TLPersistentClientSocket } from '@tldraw/sync-core'

// Exported by @tldraw/sync-core at runtime (useSync builds its socket with it) but left out of the
// published types as internal; the tests need them to act like a browser.
export const { ClientWebSocketAdapter, chunk, diffRecord, getTlsyncProtocolVersion } = syncCore as unknown as {
	ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket<object, object> & {
		close(): void
		/** The current socket, if any. */
		_ws: WebSocket | null
		/** Drops the current socket as a network failure would; the adapter then reconnects with backoff. */
		_closeSocket(): void
		/** Drops the current socket and reconnects now. */
		restart(): void
	}
	/** How the client splits a large message before sending it. */
	chunk(message: string, maxSafeMessageSize?: number): string[]
	/** The patch a client pushes for a changed record (`['patch', diff]`), or null if nothing changed. */
	diffRecord(prev: object, next: object): object | null
	/** The protocol version a client announces in its 'connect' handshake. */
	getTlsyncProtocolVersion(): number
}
