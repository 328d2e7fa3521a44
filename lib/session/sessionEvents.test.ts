import { describe, expect, it } from 'vitest'
import { compareSessionEvents } from './sessionEvents'
import { testPhaseEvent, testTimerEvent } from '@/fixtures/workshopRecords'

describe('compareSessionEvents', () => {
	it('orders by the room’s stamp first', () => {
		const events = [testTimerEvent('scope', 'start', 300), testPhaseEvent('diagram', 200), testTimerEvent('scope', 'pause', 100)]
		expect([...events].sort(compareSessionEvents).map((event) => event.at)).toEqual([100, 200, 300])
	})

	it('puts a phase change before a timer action of the same millisecond', () => {
		const timer = testTimerEvent('analyse', 'start', 100, { id: 'a' })
		const phase = testPhaseEvent('analyse', 100, 'z')
		expect([timer, phase].sort(compareSessionEvents)).toEqual([phase, timer])
	})

	it('breaks remaining ties by id, so every browser replays the same history', () => {
		const first = testTimerEvent('scope', 'extend', 100, { id: 'a', amountMs: 1 })
		const second = testTimerEvent('scope', 'extend', 100, { id: 'b', amountMs: 1 })
		expect([second, first].sort(compareSessionEvents)).toEqual([first, second])
	})
})
