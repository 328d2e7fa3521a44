import type { UseSyncConnectFn } from '@tldraw/sync'
import { ClientWebSocketAdapter } from '@/lib/canvas/syncCoreInternals'
import type { PendingWrites } from '@/lib/canvas/pendingWrites'
import type { RoomConnection } from '@/lib/canvas/roomConnection'

/**
 * The socket useSync would open for `uri` (with the same `sessionId` and `storeId` it adds), watched
 * by `pending` so the panel can show which of this person's changes have not reached the room, and
 * by `room`, which says whether this client is really in the room and restarts it when it hangs.
 */
export function connectWatched(uri: string, pending: PendingWrites, room: RoomConnection): UseSyncConnectFn {
	return ({ sessionId, storeId }) => {
		const url = new URL(uri)
		url.searchParams.set('sessionId', sessionId)
		url.searchParams.set('storeId', storeId)
		const socket = pending.wrap(new ClientWebSocketAdapter(() => url.toString()))
		const unwatch = room.watch(socket)
		const close = socket.close.bind(socket)
		// useSync closes the socket when it is done with it: a closed socket must never be restarted.
		return Object.assign(socket, {
			close: () => {
				unwatch()
				close()
			},
		})
	}
}
