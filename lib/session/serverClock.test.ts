import { describe, expect, it } from 'vitest'
import { estimateServerOffset, serverNow } from './serverClock'

describe('estimateServerOffset', () => {
	it('trusts the local clock without any evidence', () => {
		expect(estimateServerOffset({ clockMessages: [], liveEvents: [] })).toBe(0)
	})

	it('takes the room’s clock messages over anything else', () => {
		const offset = estimateServerOffset({
			clockMessages: [{ serverTime: 10_000, receivedAt: 7_000 }],
			liveEvents: [{ serverTime: 50_000, receivedAt: 1_000 }],
		})
		expect(offset).toBe(3_000)
	})

	it('trusts the clock message delivered fastest: one held up by a busy page reads seconds behind', () => {
		const offset = estimateServerOffset({
			clockMessages: [
				{ serverTime: 10_000, receivedAt: 11_000 },
				{ serverTime: 15_000, receivedAt: 12_020 },
				{ serverTime: 20_000, receivedAt: 17_050 },
			],
			liveEvents: [],
		})
		expect(offset).toBe(2_980)
	})

	it('without a clock message, uses the live event that arrived fastest', () => {
		const offset = estimateServerOffset({
			clockMessages: [],
			liveEvents: [
				{ serverTime: 10_000, receivedAt: 12_300 },
				{ serverTime: 20_000, receivedAt: 22_050 },
			],
		})
		expect(offset).toBe(-2_050)
	})
})

describe('serverNow', () => {
	it('shifts the local time by the offset', () => {
		expect(serverNow(-2_000, 10_000)).toBe(8_000)
	})
})
