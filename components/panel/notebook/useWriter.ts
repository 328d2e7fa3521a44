import { useCallback } from 'react'
import type { Person } from '@/lib/protocol/customMessages'
import { serverNow } from '@/lib/session/serverClock'
import { useSession } from '../SessionContext'

/**
 * Who writes and the room's time now: what a notebook update names, since the room can stamp only
 * on create and checks both on update (lib/session/authorizeWorkshopNotebook.ts).
 */
export function useWriter(): { me: Person; now: () => number } {
	const { people, userId, role, serverOffsetMs } = useSession()
	const me = people.find((person) => person.userId === userId) ?? { userId, name: '', role }
	const now = useCallback(() => Math.round(serverNow(serverOffsetMs)), [serverOffsetMs])
	return { me, now }
}
