// The one place Threatroom reaches into @tldraw/sync-core's internals (typed in
// syncCoreInternalTypes.d.ts): the browser's socket and, for the tests and the bench, what a client
// does on the wire. syncCoreInternals.test.ts fails when an upgrade moves or changes any of them.
export { chunk, ClientWebSocketAdapter, diffRecord, getTlsyncProtocolVersion } from '@tldraw/sync-core'
