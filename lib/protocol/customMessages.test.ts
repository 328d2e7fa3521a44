import { describe, expect, it } from 'vitest'
import { parseCustomMessage } from './customMessages'

describe('parseCustomMessage', () => {
	it("reads the room's clock and a rejection", () => {
		expect(parseCustomMessage({ type: 'clock', serverNow: 1_764_000_000_000 })).toEqual({ type: 'clock', serverNow: 1_764_000_000_000 })
		const rejected = { type: 'rejected', recordType: 'threat', recordId: 'threat:a', action: 'update', reason: 'Only the facilitator…' }
		expect(parseCustomMessage(rejected)).toEqual(rejected)
	})

	it("reads the room's answers to a refused message and to a client sending too fast", () => {
		const error = { type: 'error', reason: 'BAD_MESSAGE', detail: 'clientClock: Invalid input' }
		expect(parseCustomMessage(error)).toEqual(error)
		expect(parseCustomMessage({ type: 'rate-limited', retryAfterMs: 40 })).toEqual({ type: 'rate-limited', retryAfterMs: 40 })
		expect(parseCustomMessage({ type: 'error', reason: 'NO_SUCH_REASON', detail: '' })).toBeNull()
	})

	it('answers null for a message this version does not understand, so a newer room breaks nothing', () => {
		expect(parseCustomMessage({ type: 'rejected', recordType: 'threat', recordId: 'threat:a', action: 'rename', reason: '' })).toBeNull()
		expect(parseCustomMessage({ type: 'clock', serverNow: 'now' })).toBeNull()
		expect(parseCustomMessage({ type: 'confetti' })).toBeNull()
	})
})
