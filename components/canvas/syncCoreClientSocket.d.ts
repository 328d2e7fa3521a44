import type { TLPersistentClientSocket } from '@tldraw/sync-core'

// Exported by @tldraw/sync-core at runtime (useSync builds its own socket with it) but left out of
// its published types as internal. Declared here so the browser imports it by name: a namespace
// import would pull the whole package (the server room included) into the page's bundle.
declare module '@tldraw/sync-core' {
	export const ClientWebSocketAdapter: new (getUri: () => string) => TLPersistentClientSocket
}
