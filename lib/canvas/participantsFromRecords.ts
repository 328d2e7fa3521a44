import type { TLRecord } from '@tldraw/tlschema'
import type { ParticipantInput } from '@/lib/reports/sessionModelInput'
import { higherRole, type Role } from '@/lib/roles'

// The room does not keep a guest book: who was there is read from what people did. Each kind of
// record can only be written by certain roles (lib/session/authorizeSessionRecords.ts), so the
// record says something about its author's role too:
// - phase changes, timer actions, ending or reopening the session and n/a marks: only the facilitator;
// - decisions: the product owner, or the facilitator typing in one `onBehalfOf` them;
// - threats and votes: anyone who may edit (reported as participant unless known to be more);
// - the room's guest book (attendance): everyone who joined, with the role of their link — the
//   only trace of an observer, or of someone who only watched.

/** The author of records created by an import rather than by a person; never a participant. */
export const IMPORT_AUTHOR_ID = 'threat-dragon-import'

function authorsOf(record: TLRecord): { name: string; role: Role }[] {
	switch (record.typeName) {
		case 'phase-event':
		case 'timer-event':
		case 'session-event':
			return [{ name: record.byName, role: 'facilitator' }]
		case 'na-mark':
			return [{ name: record.markedByName, role: 'facilitator' }]
		case 'decision':
			return record.onBehalfOf
				? [
						{ name: record.decidedByName, role: 'facilitator' },
						{ name: record.onBehalfOf, role: 'productOwner' },
					]
				: [{ name: record.decidedByName, role: 'productOwner' }]
		case 'threat':
			return record.createdBy === IMPORT_AUTHOR_ID ? [] : [{ name: record.createdByName, role: 'participant' }]
		case 'vote':
			return [{ name: record.voterName, role: 'participant' }]
		case 'attendance':
			return [{ name: record.name, role: record.role }]
		default:
			return []
	}
}

/**
 * Everyone who authored something, once each with the strongest role their records show, in
 * role order then by name; `extra` (an imported model's contributors) join as participants.
 */
export function participantsFromRecords(records: Iterable<TLRecord>, extra: readonly string[] = []): ParticipantInput[] {
	const roles = new Map<string, Role>()
	const add = (name: string, role: Role) => {
		const trimmed = name.trim()
		if (!trimmed) return
		const known = roles.get(trimmed)
		roles.set(trimmed, known ? higherRole(known, role) : role)
	}
	for (const record of records) for (const { name, role } of authorsOf(record)) add(name, role)
	for (const name of extra) add(name, 'participant')
	const rank: Record<Role, number> = { facilitator: 0, productOwner: 1, participant: 2, observer: 3 }
	return [...roles].map(([name, role]) => ({ name, role })).sort((a, b) => rank[a.role] - rank[b.role] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
