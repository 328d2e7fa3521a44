import type { UseSyncConnectFn } from '@tldraw/sync'
import { ClientWebSocketAdapter } from '@tldraw/sync-core'
import type { PendingWrites } from '@/lib/canvas/pendingWrites'

/**
 * The socket useSync would open for `uri` (with the same `sessionId` and `storeId` it adds), watched
 * by `pending` so the panel can show which of this person's changes have not reached the room.
 */
export function connectWatched(uri: string, pending: PendingWrites): UseSyncConnectFn {
	return ({ sessionId, storeId }) => {
		const url = new URL(uri)
		url.searchParams.set('sessionId', sessionId)
		url.searchParams.set('storeId', storeId)
		return pending.wrap(new ClientWebSocketAdapter(() => url.toString()))
	}
}
