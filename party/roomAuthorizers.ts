import type { TLRecordAuthorizer, TLRecordAuthorizers } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { userRecordRule } from '@/lib/canvas/userRecordRule'
import { authorizeShapeWrite, type HumanIdAllocator } from '@/lib/dfd/humanIds'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { Person, RejectedMessage } from '@/lib/protocol/customMessages'
import { asWritten, type OnReject, reportingRefusals, sessionAuthorizers, whileOpen } from '@/lib/session/authorizeSessionRecords'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import type { SessionLifecycle } from '@/lib/session/sessionLifecycle'
import { SESSION_OBJECT_TYPES } from '@/lib/session/sessionRecords'

/**
 * The canvas's synced record types (document, page, shape, binding, asset, user): everything of
 * the document scope that is not a workshop record. Read from the schema, so a type tldraw adds
 * later is refused in an ended session too.
 */
const CANVAS_TYPES = Object.values(threatroomSchema.types)
	.filter((type) => type.scope === 'document' && !SESSION_OBJECT_TYPES.includes(type.typeName))
	.map((type) => type.typeName)

export interface RoomAuthorizerDeps {
	/** A getter: the room builds its allocator from the records it migrated, after registering these. */
	allocator: () => HumanIdAllocator
	lifecycle: SessionLifecycle
	framework: FrameworkId
	/** The room's clock. */
	now: () => number
	report: (sessionId: string, message: RejectedMessage) => void
}

/**
 * Every per-record rule of the room: human IDs on canvas shapes, roles on the workshop records,
 * and no writes at all in an ended session. Each refusal is reported as a `rejected` message for
 * the session that attempted it. Registering the canvas types costs a boolean check per write;
 * shapes, the hot path, were authorized already.
 */
export function roomAuthorizers({ allocator, lifecycle, framework, now, report }: RoomAuthorizerDeps): TLRecordAuthorizers<TLRecord, Person> {
	const onReject: OnReject = (session, write, reason) => {
		const record = write.type === 'create' ? write.next : write.prev
		report(session.sessionId, { type: 'rejected', recordType: record.typeName, recordId: record.id, action: write.type, reason })
	}
	const canvas: Record<string, TLRecordAuthorizer<TLRecord, Person>> = {}
	for (const typeName of CANVAS_TYPES) canvas[typeName] = reportingRefusals(whileOpen(lifecycle, asWritten), onReject)
	return {
		...canvas,
		user: reportingRefusals(whileOpen(lifecycle, userRecordRule), onReject),
		shape: reportingRefusals(
			whileOpen(lifecycle, (write) => authorizeShapeWrite(allocator(), write) ?? REJECTION_REASON.elementId),
			onReject,
		),
		...sessionAuthorizers({ allocator: { next: (prefix) => allocator().next(prefix) }, now, lifecycle, framework, onReject }),
	}
}

/**
 * `Date.now()`, but never the same value twice or a smaller one: two decisions on one threat, or
 * an end and a reopen, stamped in one millisecond still read in the order the room took them.
 */
export function strictlyIncreasingClock(now: () => number = Date.now): () => number {
	let last = -Infinity
	return () => {
		last = Math.max(now(), last + 1)
		return last
	}
}
