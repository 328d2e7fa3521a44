import type { Person } from '@/lib/protocol/customMessages'
import { higherRole } from '@/lib/roles'

/**
 * Who is in the room, per tldraw session. A session counts once its client has completed the sync
 * handshake: before that the room cannot send it anything, and a socket that never gets that far
 * is not someone at the whiteboard.
 */
export class PeopleRegistry {
	private readonly sessions = new Map<string, { person: Person; connected: boolean }>()

	joined(sessionId: string, person: Person): void {
		this.sessions.set(sessionId, { person, connected: false })
	}

	/** True if the session was waiting for its handshake (the list changed). */
	connected(sessionId: string): boolean {
		const entry = this.sessions.get(sessionId)
		if (!entry || entry.connected) return false
		entry.connected = true
		return true
	}

	personOf(sessionId: string): Person | undefined {
		return this.sessions.get(sessionId)?.person
	}

	isAwaitingHandshake(sessionId: string): boolean {
		return this.sessions.get(sessionId)?.connected === false
	}

	/** True if the session had been counted (the list changed). */
	left(sessionId: string): boolean {
		const entry = this.sessions.get(sessionId)
		this.sessions.delete(sessionId)
		return entry?.connected === true
	}

	connectedSessionIds(): string[] {
		return [...this.sessions].filter(([, entry]) => entry.connected).map(([sessionId]) => sessionId)
	}

	/** One entry per person: the same userId in two tabs shows once, with the higher of its roles. */
	list(): Person[] {
		const byUser = new Map<string, Person>()
		for (const { person, connected } of this.sessions.values()) {
			if (!connected) continue
			const seen = byUser.get(person.userId)
			byUser.set(person.userId, seen ? { ...seen, role: higherRole(seen.role, person.role) } : person)
		}
		return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
	}
}
