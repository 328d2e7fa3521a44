import { atom, type Signal } from '@tldraw/state'
import type { Store, UnknownRecord } from '@tldraw/store'
import type { TLPersistentClientSocket, TLSocketStatusChangeEvent } from '@tldraw/sync-core'

// The few fields of tldraw's wire messages this reads (the protocol's types are internal to tldraw).
interface ClientMessage {
	type: string
	clientClock?: number
	diff?: Record<string, unknown>
}
interface ServerMessage {
	type: string
	clientClock?: number
	data?: ServerMessage[]
}
type ClientSocket = TLPersistentClientSocket<ClientMessage, ServerMessage>

/**
 * Which of this person's own changes the room has not acknowledged yet — what is lost if they close
 * the tab now, and what the panel marks as pending while they are offline.
 *
 * tldraw's client keeps these itself (and replays them on reconnect) but does not say which they
 * are, so this watches the two ends: a local change of a document record makes it pending (a store
 * side effect, which runs as the change is made, before the client can push it); a push carrying
 * the record makes it in flight; the room's `push_result` for that push settles it, whether the
 * room committed, rebased or discarded it. A dropped connection sends everything in flight back
 * to pending: the client pushes it again once it is back.
 */
export class PendingWrites {
	/** Changed here, not pushed yet. */
	private readonly unsent = new Set<string>()
	/** Pushed (by client clock), not answered yet. */
	private readonly inFlight = new Map<number, string[]>()
	private readonly current = atom<ReadonlySet<string>>('pending writes', new Set())

	/** The ids of records with a change of ours the room has not acknowledged. */
	get ids(): Signal<ReadonlySet<string>> {
		return this.current
	}

	has(id: string): boolean {
		return this.current.get().has(id)
	}

	/** Watches a socket: give tldraw's client the returned one. */
	wrap<S extends TLPersistentClientSocket<object, object>>(socket: S): S {
		const inner = socket as unknown as ClientSocket
		inner.onReceiveMessage((message) => this.received(message))
		inner.onStatusChange((event: TLSocketStatusChangeEvent) => {
			if (event.status === 'online') return
			for (const ids of this.inFlight.values()) for (const id of ids) this.unsent.add(id)
			this.inFlight.clear()
			this.publish()
		})
		const wrapped: ClientSocket = {
			get connectionStatus() {
				return inner.connectionStatus
			},
			sendMessage: (message) => {
				if (message.type === 'push' && message.diff && message.clientClock !== undefined) {
					this.pushed(message.clientClock, Object.keys(message.diff))
				}
				inner.sendMessage(message)
			},
			onReceiveMessage: (callback) => inner.onReceiveMessage(callback),
			onStatusChange: (callback) => inner.onStatusChange(callback),
			restart: () => inner.restart(),
			close: () => inner.close(),
		}
		return wrapped as unknown as S
	}

	/** Watches the store's local changes to document records; returns the way to stop. */
	watch<R extends UnknownRecord>(store: Store<R>): () => void {
		const changed = (record: R, source: 'user' | 'remote') => {
			if (source !== 'user') return
			this.unsent.add(record.id)
			this.publish()
		}
		const { sideEffects } = store
		const types = Object.values(store.schema.types as Record<string, { typeName: string; scope: string }>)
		const stops = types
			.filter((type) => type.scope === 'document')
			.flatMap(({ typeName }) => {
				const type = typeName as R['typeName']
				return [
					sideEffects.registerAfterCreateHandler(type, (record, source) => changed(record, source)),
					sideEffects.registerAfterChangeHandler(type, (_before, after, source) => changed(after, source)),
					sideEffects.registerAfterDeleteHandler(type, (record, source) => changed(record, source)),
				]
			})
		return () => {
			for (const stop of stops) stop()
		}
	}

	private pushed(clientClock: number, ids: string[]): void {
		for (const id of ids) this.unsent.delete(id)
		this.inFlight.set(clientClock, ids)
		this.publish()
	}

	private received(message: ServerMessage): void {
		const events = message.type === 'data' ? (message.data ?? []) : [message]
		let settled = false
		for (const event of events) {
			if (event.type === 'push_result' && event.clientClock !== undefined) settled = this.inFlight.delete(event.clientClock) || settled
		}
		if (settled) this.publish()
	}

	private publish(): void {
		const ids = new Set(this.unsent)
		for (const pushed of this.inFlight.values()) for (const id of pushed) ids.add(id)
		const before = this.current.get()
		if (ids.size === before.size && [...ids].every((id) => before.has(id))) return
		this.current.set(ids)
	}
}
