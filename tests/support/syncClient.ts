import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import { TLSyncClient } from '@tldraw/sync-core'
import type { TLInstancePresence, TLRecord, TLShape, TLStoreProps } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { PendingWrites } from '@/lib/canvas/pendingWrites'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { ClientWebSocketAdapter } from '@/lib/canvas/syncCoreInternals'

// A headless tldraw sync client, as `useSync` builds it but without React or an editor, for driving
// the party from Node. tldraw's client expects a browser: the few globals it touches are shimmed.

installBrowserShims()

function installBrowserShims(): void {
	const globals = globalThis as Record<string, unknown>
	if (globals.window === undefined) {
		globals.window = Object.assign(new EventTarget(), { devicePixelRatio: 1, setTimeout, clearTimeout })
	}
	if (globals.document === undefined) globals.document = Object.assign(new EventTarget(), { hidden: false })
	// Node 21+ has a navigator; Node 20 does not.
	globals.navigator ??= { onLine: true }
	globals.requestAnimationFrame ??= (callback: (time: number) => void) => setTimeout(() => callback(Date.now()), 16)
	globals.cancelAnimationFrame ??= (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle)
	// `ws`, even where Node has a WebSocket of its own (22+): tldraw's client reconnects after a
	// restarted room over `ws` as a browser does, and does not over Node's (faults.test.ts shows it).
	globals.WebSocket = WebSocket
}

type TestStore = Store<TLRecord, TLStoreProps>

export interface TestClient {
	store: TestStore
	/** Set once the first sync completed. */
	isLoaded(): boolean
	/** tldraw's reason when the server closed the socket with 4099, e.g. NOT_AUTHENTICATED. */
	syncError(): string | null
	/** Custom messages from the party (`room.sendCustomMessage`), oldest first. */
	customMessages: unknown[]
	shapes(): TLShape[]
	/**
	 * Records with a change of this client's that the room has not acknowledged (push_result) yet,
	 * as the browser's pending marks see them (lib/canvas/pendingWrites.ts).
	 */
	pending(): ReadonlySet<string>
	/** Pushes answered so far: a push of this client's the room acknowledged. */
	acknowledgedPushes(): number
	/** What this client's cursor says about it, pushed like a browser's presence (null: none). */
	setPresence(presence: TLInstancePresence | null): void
	/**
	 * Cuts the connection as a network failure would, and keeps it down: reconnect attempts go to a
	 * port nobody listens on until `goOnline`. Local edits meanwhile wait in the client, as in a browser.
	 */
	goOffline(): void
	goOnline(): void
	close(): void
}

/** Connections to it are refused at once: reconnecting while "offline" fails fast, as with no network. */
const UNREACHABLE_URL = 'ws://127.0.0.1:1/'

export function connectTestClient(partyOrigin: string, sessionId: string, query: Record<string, string>): TestClient {
	const store: TestStore = new Store({
		schema: threatroomSchema,
		props: {
			defaultName: '',
			assets: { upload: async () => ({ src: '' }), resolve: () => null, remove: async () => {} },
			users: { currentUser: atom('current user', null), resolve: () => atom('user', null) },
			onMount: () => {},
		},
	})
	const url = new URL(`/party/${encodeURIComponent(sessionId)}`, partyOrigin.replace(/^http/, 'ws'))
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)

	let offline = false
	const adapter = new ClientWebSocketAdapter(() => (offline ? UNREACHABLE_URL : url.toString()))
	const pendingWrites = new PendingWrites()
	let acknowledged = 0
	adapter.onReceiveMessage((message) => {
		const { type, data } = message as { type: string; data?: { type: string }[] }
		const events = type === 'data' ? (data ?? []) : [{ type }]
		acknowledged += events.filter((event) => event.type === 'push_result').length
	})
	const socket = pendingWrites.wrap(adapter)
	pendingWrites.watch(store)
	let loaded = false
	let error: string | null = null
	const customMessages: unknown[] = []
	const presence = atom<TLInstancePresence | null>('presence', null)
	const client = new TLSyncClient<TLRecord, TestStore>({
		store,
		socket,
		presence,
		// 'full' syncs at 30 fps; 'solo' would batch pushes once a second.
		presenceMode: atom('presence mode', 'full' as const),
		onLoad: () => {
			loaded = true
		},
		onSyncError: (reason) => {
			error = reason
			socket.close()
		},
		onCustomMessageReceived: (data) => customMessages.push(data),
	})

	return {
		store,
		isLoaded: () => loaded,
		syncError: () => error,
		customMessages,
		shapes: () => store.allRecords().filter((record): record is TLShape => record.typeName === 'shape'),
		pending: () => pendingWrites.ids.get(),
		acknowledgedPushes: () => acknowledged,
		setPresence: (record) => presence.set(record),
		goOffline() {
			offline = true
			// A cut network delivers nothing more; `ws` would still hand over what it had buffered,
			// which a browser drops once the socket is closing (and tldraw asserts it never sees).
			if (adapter._ws) adapter._ws.onmessage = null
			adapter._closeSocket()
		},
		goOnline() {
			offline = false
			adapter.restart()
		},
		close() {
			client.close()
			adapter.close()
		},
	}
}
