import type { TLPersistentClientSocket } from '@tldraw/sync-core'

// What @tldraw/sync-core exports at runtime but leaves out of its published types as internal.
// Declared here, for lib/canvas/syncCoreInternals.ts alone, so they are imported by name: a
// namespace import would pull the whole package (the server room included) into the page's bundle.
declare module '@tldraw/sync-core' {
	/** The socket useSync builds for a room URL; reconnects with backoff. */
	export const ClientWebSocketAdapter: new (
		getUri: () => string,
	) => TLPersistentClientSocket & {
		close(): void
		/** The current socket, if any. */
		_ws: WebSocket | null
		/** Drops the current socket as a network failure would; the adapter then reconnects with backoff. */
		_closeSocket(): void
		/** Drops the current socket and reconnects now. */
		restart(): void
	}
	/** How the client splits a large message before sending it. */
	export function chunk(message: string, maxSafeMessageSize?: number): string[]
	/** The patch a client pushes for a changed record, or null if nothing changed. */
	export function diffRecord(prev: object, next: object): object | null
	/** The protocol version a client announces in its 'connect' handshake. */
	export function getTlsyncProtocolVersion(): number
}
