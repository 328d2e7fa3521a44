import './shims'
import { atom } from '@tldraw/state'
import { type RecordsDiff, Store, type StoreSchema } from '@tldraw/store'
import { TLSyncClient } from '@tldraw/sync-core'
import type { TLRecord, TLStoreProps } from '@tldraw/tlschema'
import { ClientWebSocketAdapter } from '@/lib/canvas/syncCoreInternals'

// A headless tldraw sync client for the benchmarks: a browser's `useSync` without React or an editor
// (see tests/support/syncClient.ts, docs/protocol.md), for any schema, so the same client drives
// Threatroom's room and the bare one.

type BenchStore = Store<TLRecord, TLStoreProps>

export interface BenchSyncClient {
	readonly index: number
	readonly store: BenchStore
	/** Resolves on the first completed sync; rejects on a sync error (4099 close). */
	readonly loaded: Promise<void>
	isLoaded(): boolean
	syncError(): string | null
	/** How often the socket went offline or failed after the first sync: a dropped client. */
	drops(): number
	customMessages(): number
	close(): void
}

export interface SyncClientOptions {
	index: number
	/** ws://…/party/<room>?… */
	uri: string
	schema: StoreSchema<TLRecord, TLStoreProps>
	/** Every change that came from the room, as the store reports it to its listeners. */
	onRemoteChange?: (client: BenchSyncClient, changes: RecordsDiff<TLRecord>) => void
}

export function connectSyncClient({ index, uri, schema, onRemoteChange }: SyncClientOptions): BenchSyncClient {
	const store: BenchStore = new Store({
		schema,
		props: {
			defaultName: '',
			assets: { upload: async () => ({ src: '' }), resolve: () => null, remove: async () => {} },
			users: { currentUser: atom('current user', null), resolve: () => atom('user', null) },
			onMount: () => {},
		},
	})
	const socket = new ClientWebSocketAdapter(() => uri)
	let loaded = false
	let error: string | null = null
	let drops = 0
	let closed = false
	let customMessages = 0
	let resolveLoaded: () => void = () => {}
	let rejectLoaded: (error: Error) => void = () => {}
	const loadedPromise = new Promise<void>((resolve, reject) => {
		resolveLoaded = resolve
		rejectLoaded = reject
	})
	// Callers await it with their own bound; an unobserved rejection must not end the run.
	loadedPromise.catch(() => {})

	const client = new TLSyncClient<TLRecord, BenchStore>({
		store,
		socket,
		presence: atom('presence', null),
		// What a browser does with others in the room: pushes at 30 fps ('solo' would push once a second).
		presenceMode: atom('presence mode', 'full' as const),
		onLoad: () => {
			loaded = true
			resolveLoaded()
		},
		onSyncError: (reason) => {
			error = reason
			socket.close()
			rejectLoaded(new Error(`client ${index}: the room closed the connection: ${reason}`))
		},
		onCustomMessageReceived: () => {
			customMessages++
		},
	})
	socket.onStatusChange(({ status }) => {
		if (loaded && !closed && status !== 'online') drops++
	})

	const benchClient: BenchSyncClient = {
		index,
		store,
		loaded: loadedPromise,
		isLoaded: () => loaded,
		syncError: () => error,
		drops: () => drops,
		customMessages: () => customMessages,
		close() {
			closed = true
			client.close()
			socket.close()
		},
	}
	if (onRemoteChange) store.listen(({ changes }) => onRemoteChange(benchClient, changes), { source: 'remote' })
	return benchClient
}
