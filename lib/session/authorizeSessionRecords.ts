import type { TLRecordAuthorizer, TLRecordAuthorizers } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import type { HumanIdAllocator } from '../dfd/humanIds'
import type { Person } from '../protocol/customMessages'
import type { Role } from '../roles'
import { naMarkIdFor } from './records/naMarkRecord'
import { SCOPE_ITEM_PREFIX } from './records/scopeItemRecord'
import { formatThreatId } from './threatIds'
import { voteIdFor } from './records/voteRecord'

// Who may write which workshop record, enforced by the room on every client push (the panel only
// mirrors these rules). Server-owned fields — IDs, authors, timestamps — are stamped here on
// create, whatever the client sent; on update and delete an authorizer can only allow or reject.

type Authorizer<R extends TLRecord> = TLRecordAuthorizer<R, Person>
type Write<R extends TLRecord> = Parameters<Authorizer<R>>[0]

export interface SessionAuthorizerDeps {
	allocator: HumanIdAllocator
	/** The room's clock: the one authority on time for every participant. */
	now: () => number
}

const isFacilitator = (role: Role) => role === 'facilitator'
/** Everyone who takes part in the analysis; observers only watch. */
const contributes = (role: Role) => role !== 'observer'

function unchanged<R extends TLRecord>(prev: R, next: R, keys: readonly (keyof R)[]): boolean {
	return keys.every((key) => JSON.stringify(prev[key]) === JSON.stringify(next[key]))
}

/** Facilitator-only records that nobody may change once written: the history of phases and timer. */
function appendOnlyEvent<R extends Extract<TLRecord, { at: number; by: string; byName: string }>>(
	deps: SessionAuthorizerDeps,
): Authorizer<R> {
	return ({ session, type, next }: Write<R>) => {
		if (type !== 'create' || !isFacilitator(session.meta.role)) return null
		return { ...next, at: deps.now(), by: session.meta.userId, byName: session.meta.name }
	}
}

export function sessionAuthorizers(deps: SessionAuthorizerDeps): TLRecordAuthorizers<TLRecord, Person> {
	return {
		threat: (write) => {
			const { role, userId, name } = write.session.meta
			if (!contributes(role)) return null
			if (write.type === 'delete') return null
			const { next } = write
			if (write.type === 'create') {
				return {
					...next,
					humanId: formatThreatId(deps.allocator.next('T')),
					createdBy: userId,
					createdByName: name,
					createdAt: deps.now(),
					isDeleted: false,
					agreedLikelihood: isFacilitator(role) ? next.agreedLikelihood : null,
					agreedImpact: isFacilitator(role) ? next.agreedImpact : null,
				}
			}
			const { prev } = write
			if (!unchanged(prev, next, ['humanId', 'createdBy', 'createdByName', 'createdAt'])) return null
			if (isFacilitator(role)) return next
			if (prev.createdBy !== userId) return null
			return unchanged(prev, next, ['agreedLikelihood', 'agreedImpact', 'shapeId']) ? next : null
		},

		vote: (write) => {
			const { role, userId, name } = write.session.meta
			if (!contributes(role)) return null
			if (write.type === 'delete') return write.prev.voterId === userId ? write.prev : null
			const { next } = write
			if (next.id !== voteIdFor(next.threatId, userId)) return null
			if (write.type === 'create') return { ...next, voterId: userId, voterName: name, votedAt: deps.now() }
			return write.prev.voterId === userId && unchanged(write.prev, next, ['threatId', 'voterId']) ? next : null
		},

		'na-mark': (write) => {
			const { role, userId, name } = write.session.meta
			if (!isFacilitator(role)) return null
			if (write.type === 'delete') return write.prev
			const { next } = write
			if (next.id !== naMarkIdFor(next.shapeId, next.category)) return null
			if (write.type === 'create') return { ...next, markedBy: userId, markedByName: name, markedAt: deps.now() }
			return next
		},

		'scope-item': (write) => {
			if (!isFacilitator(write.session.meta.role)) return null
			if (write.type === 'delete') return write.prev
			const { next } = write
			if (write.type === 'create') {
				const prefix = SCOPE_ITEM_PREFIX[next.kind]
				return { ...next, humanId: `${prefix}${deps.allocator.next(prefix)}`, createdAt: deps.now() }
			}
			return unchanged(write.prev, next, ['kind', 'humanId', 'createdAt']) ? next : null
		},

		walk: (write) => (isFacilitator(write.session.meta.role) && write.type !== 'delete' ? write.next : null),
		'phase-event': appendOnlyEvent(deps),
		'timer-event': appendOnlyEvent(deps),
	}
}
