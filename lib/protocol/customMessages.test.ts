import { describe, expect, it } from 'vitest'
import { parseCustomMessage } from './customMessages'

describe('parseCustomMessage', () => {
	it("reads the room's clock and a rejection", () => {
		expect(parseCustomMessage({ type: 'clock', serverNow: 1_764_000_000_000 })).toEqual({ type: 'clock', serverNow: 1_764_000_000_000 })
		const rejected = { type: 'rejected', recordType: 'threat', recordId: 'threat:a', action: 'update', reason: 'Only the facilitator…' }
		expect(parseCustomMessage(rejected)).toEqual(rejected)
	})

	it('answers null for a message this version does not understand, so a newer room breaks nothing', () => {
		expect(parseCustomMessage({ type: 'rejected', recordType: 'threat', recordId: 'threat:a', action: 'rename', reason: '' })).toBeNull()
		expect(parseCustomMessage({ type: 'clock', serverNow: 'now' })).toBeNull()
		expect(parseCustomMessage({ type: 'confetti' })).toBeNull()
	})
})
