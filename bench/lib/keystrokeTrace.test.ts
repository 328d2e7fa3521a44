import { describe, expect, it } from 'vitest'
import { keystrokeLatencies, traceEventsOf } from './keystrokeTrace'

const MAIN = { pid: 1, tid: 7 }
const dispatch = (type: string, ts: number, dur: number) => ({ name: 'EventDispatch', ph: 'X', ts, dur, ...MAIN, args: { data: { type } } })
const frame = (name: string, ts: number, dur: number, thread = MAIN) => ({ name, ph: 'X', ts, dur, ...thread, args: {} })

describe('keystrokeLatencies', () => {
	it('measures each key from its keydown to the end of the first commit after its input event', () => {
		const events = traceEventsOf([
			dispatch('keydown', 1_000, 200),
			dispatch('keypress', 1_300, 100),
			dispatch('input', 1_500, 4_000),
			frame('Commit', 1_200, 100),
			frame('Paint', 6_000, 500),
			frame('Commit', 6_600, 400),
			dispatch('keydown', 100_000, 100),
			dispatch('input', 100_200, 100),
			frame('Commit', 116_000, 1_000),
		])
		expect(keystrokeLatencies(events)).toEqual({ latenciesMs: [6, 17], unpainted: 0 })
	})

	it('ignores frames of other threads and counts a key no frame followed', () => {
		const events = traceEventsOf([dispatch('keydown', 1_000, 100), dispatch('input', 1_200, 100), frame('Commit', 2_000, 100, { pid: 2, tid: 1 })])
		expect(keystrokeLatencies(events)).toEqual({ latenciesMs: [], unpainted: 1 })
	})

	it('falls back to the paint when the trace has no commit', () => {
		const events = traceEventsOf([dispatch('keydown', 0, 100), dispatch('input', 200, 100), frame('Paint', 3_000, 1_000)])
		expect(keystrokeLatencies(events).latenciesMs).toEqual([4])
	})

	it('drops events that are not trace events', () => {
		expect(traceEventsOf([null, 'x', { name: 'Commit' }, frame('Commit', 1, 1)])).toHaveLength(1)
	})
})
