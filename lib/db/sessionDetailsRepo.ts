import { sessionRecordsOf } from '@/lib/canvas/extractSessionRecords'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { getDb } from './client'
import { listDfdElements } from './dfdElementsRepo'
import type { SessionRow } from './schema'
import { readSessionRecords, type StoredSessionRecords } from './sessionRecordsRepo'
import { loadStoredRoom } from './storedRoomRepo'

interface SessionDetails {
	session: SessionRow
	elements: DfdElement[]
	records: StoredSessionRecords
}

/** Everything saved about a session: its row, its DFD elements and its workshop records (from the saved snapshot, migrated to this schema). */
export async function getSessionDetails(id: string): Promise<SessionDetails | null> {
	const room = await loadStoredRoom(id)
	if (!room) return null
	const db = await getDb()
	const elements = await listDfdElements(db, id)
	return { session: room.session, elements, records: await readSessionRecords(db, id, sessionRecordsOf(room.records), elements) }
}
