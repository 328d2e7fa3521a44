import { createUserId, type TLUser } from '@tldraw/tlschema'
import type { Rule } from '@/lib/session/authorizeSessionRecords'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'

/**
 * tldraw's `user` record gives the name and colour shown for whoever drew what. Each person writes
 * only their own, the one whose id is their authenticated userId: a participant cannot rename or
 * recolour the facilitator, or delete them from the attribution.
 */
export const userRecordRule: Rule<TLUser> = (write) => {
	const record = write.type === 'delete' ? write.prev : write.next
	if (record.id !== createUserId(write.session.meta.userId)) return REJECTION_REASON.userRecord
	return record
}
