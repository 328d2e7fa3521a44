import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { AppApi } from './appApi'
import { RoomWal, type WalLog, type WalStorage } from './roomWal'
import { type StartingState, startingState } from './startingState'

/**
 * What a room starts from: the app's snapshot and the room's own write-ahead copy, read together,
 * the newer taken (startingState.ts). Null when the app does not know the session; throws when the
 * app cannot be reached (the caller retries: starting empty would overwrite the saved canvas).
 */
export async function loadRoom(
	roomId: string,
	api: AppApi,
	storage: WalStorage,
): Promise<{ start: StartingState; wal: RoomWal; framework: FrameworkId } | null> {
	const log = walLog(roomId)
	const [loaded, { wal, stored }] = await Promise.all([api.loadCanvas(), RoomWal.open(storage, log)])
	if (loaded === null) return null
	const start = startingState(loaded, stored)
	if (start.source === 'wal') {
		log.warn(
			`restored ${start.replayed} change(s) the app had not saved yet (clock ${start.appClock} → ${start.snapshot.documentClock}) ` +
				"from the room's write-ahead copy",
		)
	} else if (start.source === 'app-behind-copy') {
		log.error(
			`the app's canvas (clock ${start.appClock}) is older than the room's write-ahead copy was pruned against ` +
				"(a restored database?): starting from the app's and discarding the copy",
		)
		await wal.discard()
	}
	return { start, wal, framework: loaded.framework }
}

function walLog(roomId: string): WalLog & { warn(message: string): void } {
	return {
		error: (message) => console.error(`[party ${roomId}] ${message}`),
		warn: (message) => console.warn(`[party ${roomId}] ${message}`),
		info: (message) => console.info(`[party ${roomId}] ${message}`),
	}
}
