import { describe, expect, it } from 'vitest'
import { REJECTION_REASON } from './rejectionReasons'
import { rejectionText } from './rejectionText'

describe('rejectionText', () => {
	it('says what was not kept and quotes the room’s reason', () => {
		expect(rejectionText({ recordType: 'threat', action: 'update', reason: REJECTION_REASON.threatNotOwn })).toBe(
			'Threat not saved: Only the facilitator can edit a threat someone else added',
		)
		expect(rejectionText({ recordType: 'na-mark', action: 'create', reason: REJECTION_REASON.naMark })).toBe(
			'N/a mark not added: Only the facilitator can mark a category as not applicable',
		)
	})

	it('still reads for a record type this version does not know', () => {
		expect(rejectionText({ recordType: 'comment', action: 'delete', reason: '' })).toBe('Change not removed')
	})
})
