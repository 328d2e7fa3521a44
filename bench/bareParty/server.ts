import { TLSocketRoom, type WebSocketMinimal } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Party from 'partykit/server'
import { BARE_OBJECT_TYPES, bareCanvasSchema, bareObjectsSchema, OBJECTS_ROOM_PREFIX } from './schema'

/**
 * The benchmarks' baseline room: tldraw's TLSocketRoom as its docs wire it into PartyKit, and
 * nothing else — no authentication, no authorizers, no persistence (the default in-memory storage),
 * no custom messages. Messages are forwarded exactly as Threatroom's party forwards them, so the
 * comparison measures what our room adds on top of the engine.
 */
export default class BareServer implements Party.Server {
	private readonly room: TLSocketRoom<TLRecord>

	constructor(readonly party: Party.Room) {
		const objects = party.id.startsWith(OBJECTS_ROOM_PREFIX)
		this.room = new TLSocketRoom<TLRecord>({
			schema: objects ? bareObjectsSchema : bareCanvasSchema,
			objectTypes: objects ? BARE_OBJECT_TYPES : undefined,
		})
	}

	onConnect(conn: Party.Connection): void {
		const socket: WebSocketMinimal = {
			send: (data) => conn.send(data),
			close: (code, reason) => conn.close(code, reason),
			get readyState() {
				return conn.readyState
			},
		}
		this.room.handleSocketConnect({ sessionId: conn.id, socket })
	}

	onMessage(message: string | ArrayBuffer | ArrayBufferView, conn: Party.Connection): void {
		this.room.handleSocketMessage(conn.id, message)
	}

	onClose(conn: Party.Connection): void {
		this.room.handleSocketClose(conn.id)
	}

	onError(conn: Party.Connection): void {
		this.room.handleSocketError(conn.id)
	}
}

BareServer satisfies Party.Worker
