import * as syncCore from '@tldraw/sync-core'
import type { TLPersistentClientSocket } from '@tldraw/sync-core'

// Exported by @tldraw/sync-core at runtime (useSync builds its socket with it) but left out of the
// published types as internal; the tests need them to act like a browser.
export const { ClientWebSocketAdapter, chunk, getTlsyncProtocolVersion } = syncCore as unknown as {
	ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket<object, object> & {
		close(): void
		/** Drops the current socket as a network failure would; the adapter then reconnects with backoff. */
		_closeSocket(): void
		/** Drops the current socket and reconnects now. */
		restart(): void
	}
	/** How the client splits a large message before sending it. */
	chunk(message: string, maxSafeMessageSize?: number): string[]
	/** The protocol version a client announces in its 'connect' handshake. */
	getTlsyncProtocolVersion(): number
}
