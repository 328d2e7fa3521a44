import type { TLRecordAuthorizers } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { authorizeShapeWrite, type HumanIdAllocator } from '@/lib/dfd/humanIds'
import type { Person, RejectedMessage } from '@/lib/protocol/customMessages'
import { type OnReject, reportingRefusals, sessionAuthorizers } from '@/lib/session/authorizeSessionRecords'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'

/**
 * Every per-record rule of the room: human IDs on canvas shapes, roles on the workshop records.
 * Each refusal is reported as a `rejected` message for the session that attempted it.
 *
 * `allocator` is a getter because the room builds its allocator from the records it has migrated,
 * after the authorizers are registered.
 */
export function roomAuthorizers(
	allocator: () => HumanIdAllocator,
	report: (sessionId: string, message: RejectedMessage) => void,
): TLRecordAuthorizers<TLRecord, Person> {
	const onReject: OnReject = (session, write, reason) => {
		const record = write.type === 'create' ? write.next : write.prev
		report(session.sessionId, { type: 'rejected', recordType: record.typeName, recordId: record.id, action: write.type, reason })
	}
	return {
		shape: reportingRefusals((write) => authorizeShapeWrite(allocator(), write) ?? REJECTION_REASON.elementId, onReject),
		...sessionAuthorizers({ allocator: { next: (prefix) => allocator().next(prefix) }, now: () => Date.now(), onReject }),
	}
}
