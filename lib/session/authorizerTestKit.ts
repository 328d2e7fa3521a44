import type { TLRecordAuthorizer } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { HumanIdAllocator, type HumanIdCounters } from '../dfd/humanIds'
import type { FrameworkId } from '../frameworks/frameworkTypes'
import type { Person } from '../protocol/customMessages'
import type { Role } from '../roles'
import { type RecordWrite, sessionAuthorizers } from './authorizeSessionRecords'
import type { RejectionReason } from './rejectionReasons'
import { SessionLifecycle } from './sessionLifecycle'

// The room's authorizers without the room, for the rule tests: one person per role, writes as
// tldraw hands them over, and every refusal recorded. Test-only; not used by production code.

export const NOW = 1_764_000_000_000

export type Session = RecordWrite['session']

export const PEOPLE: Record<Role, Person> = {
	facilitator: { userId: 'fay', name: 'Fay', role: 'facilitator' },
	participant: { userId: 'pat', name: 'Pat', role: 'participant' },
	productOwner: { userId: 'pol', name: 'Pol', role: 'productOwner' },
	observer: { userId: 'oli', name: 'Oli', role: 'observer' },
}

export function sessionOf(role: Role): Session {
	return { sessionId: `session-${role}`, isReadonly: role === 'observer', meta: PEOPLE[role] }
}

export const create = (session: Session, next: TLRecord): RecordWrite => ({ session, type: 'create', prev: null, next })
export const update = (session: Session, prev: TLRecord, next: TLRecord): RecordWrite => ({ session, type: 'update', prev, next })
export const remove = (session: Session, prev: TLRecord): RecordWrite => ({ session, type: 'delete', prev, next: null })

interface Rejection {
	sessionId: string
	action: RecordWrite['type']
	recordId: string
	reason: RejectionReason
}

export function setup(counters: HumanIdCounters = {}, lifecycle = new SessionLifecycle(), framework: FrameworkId = 'STRIDE') {
	const rejections: Rejection[] = []
	const allocator = new HumanIdAllocator(counters)
	const authorizers = sessionAuthorizers({
		allocator,
		now: () => NOW,
		lifecycle,
		framework,
		onReject: (session, write, reason) =>
			rejections.push({ sessionId: session.sessionId, action: write.type, recordId: (write.next ?? write.prev).id, reason }),
	})
	/** Runs the authorizer registered for the record's type, as the room does. */
	function authorize(write: RecordWrite): TLRecord | null {
		const { typeName } = write.next ?? write.prev
		// Each entry is typed to its own record; widened here like TLSyncRoom.authorizerFor does.
		const authorizer = authorizers[typeName] as TLRecordAuthorizer<TLRecord, Person> | undefined
		if (!authorizer) throw new Error(`no authorizer for ${typeName}`)
		return authorizer(write)
	}
	return { authorize, allocator, rejections, lifecycle }
}
