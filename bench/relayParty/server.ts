import type * as Party from 'partykit/server'

/**
 * The transport's floor for the panel-event benchmark: every message goes to every other
 * connection of the room as it is. No parsing, no state, no sync engine.
 */
export default class RelayServer implements Party.Server {
	constructor(readonly room: Party.Room) {}

	onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): void {
		this.room.broadcast(message as string | ArrayBuffer, [sender.id])
	}
}

RelayServer satisfies Party.Worker
