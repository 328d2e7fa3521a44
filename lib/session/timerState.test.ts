import { describe, expect, it } from 'vitest'
import { DEFAULT_PHASE_MINUTES } from './records/walkRecords'
import { testPhaseEvent, testTimerEvent } from '@/fixtures/workshopRecords'
import { timerState } from './timerState'

const MIN = 60_000
const minutes = DEFAULT_PHASE_MINUTES

describe('timerState', () => {
	it('shows the first phase’s full budget, stopped, before anything happened', () => {
		const state = timerState({ phaseEvents: [], timerEvents: [], phaseMinutes: minutes, lifecycleEvents: [], now: 10 * MIN })
		expect(state).toMatchObject({ phase: 'scope', running: false, remainingMs: 5 * MIN, overrunMs: 0, phaseStartedAt: null })
	})

	it('counts down from the start in the room’s time', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('diagram', 0)],
			timerEvents: [testTimerEvent('diagram', 'start', 1000)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 1000 + 4 * MIN,
		})
		expect(state).toMatchObject({ phase: 'diagram', running: true, elapsedMs: 4 * MIN, remainingMs: 11 * MIN, phaseStartedAt: 0 })
	})

	it('stops counting while paused and resumes where it stopped', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('scope', 0)],
			timerEvents: [testTimerEvent('scope', 'start', 0), testTimerEvent('scope', 'pause', 1 * MIN), testTimerEvent('scope', 'start', 10 * MIN)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 11 * MIN,
		})
		expect(state.elapsedMs).toBe(2 * MIN)
		expect(state.running).toBe(true)
	})

	it('adds an extension to the phase’s budget', () => {
		const state = timerState({
			phaseEvents: [],
			timerEvents: [testTimerEvent('scope', 'start', 0), testTimerEvent('scope', 'extend', 1000, { amountMs: 5 * MIN })],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 6 * MIN,
		})
		expect(state).toMatchObject({ budgetMs: 10 * MIN, extendedMs: 5 * MIN, remainingMs: 4 * MIN, overrunMs: 0 })
	})

	it('reports the overrun once the budget is spent instead of stopping at zero', () => {
		const state = timerState({
			phaseEvents: [],
			timerEvents: [testTimerEvent('scope', 'start', 0)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 5 * MIN + 133_000,
		})
		expect(state).toMatchObject({ remainingMs: 0, overrunMs: 133_000, running: true })
	})

	it('carries a running clock into the next phase, which starts with its own budget', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('diagram', 3 * MIN)],
			timerEvents: [testTimerEvent('scope', 'start', 0)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 4 * MIN,
		})
		expect(state).toMatchObject({ phase: 'diagram', running: true, elapsedMs: 1 * MIN, remainingMs: 14 * MIN })
	})

	it('keeps a paused timer paused across a phase change', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('diagram', 3 * MIN)],
			timerEvents: [testTimerEvent('scope', 'start', 0), testTimerEvent('scope', 'pause', 1 * MIN)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 9 * MIN,
		})
		expect(state).toMatchObject({ phase: 'diagram', running: false, elapsedMs: 0, remainingMs: 15 * MIN })
	})

	it('adds up the time of every visit to a phase', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('diagram', 0), testPhaseEvent('analyse', 10 * MIN), testPhaseEvent('diagram', 20 * MIN)],
			timerEvents: [testTimerEvent('diagram', 'start', 0)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 22 * MIN,
		})
		expect(state).toMatchObject({ phase: 'diagram', elapsedMs: 12 * MIN, remainingMs: 3 * MIN })
	})

	it('ignores a start or pause for a phase the workshop has left', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('diagram', 0)],
			timerEvents: [testTimerEvent('scope', 'start', 1000)],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 5 * MIN,
		})
		expect(state.running).toBe(false)
		expect(state.elapsedMs).toBe(0)
	})

	it('forgets the elapsed time and extensions of a phase on reset, and keeps running if it ran', () => {
		const state = timerState({
			phaseEvents: [],
			timerEvents: [
				testTimerEvent('scope', 'start', 0),
				testTimerEvent('scope', 'extend', 1000, { amountMs: 5 * MIN }),
				testTimerEvent('scope', 'reset', 4 * MIN),
			],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 5 * MIN,
		})
		expect(state).toMatchObject({ running: true, elapsedMs: 1 * MIN, budgetMs: 5 * MIN })
	})

	it('applies a phase change before a timer action stamped in the same millisecond', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('analyse', 1000, 'z')],
			timerEvents: [testTimerEvent('analyse', 'start', 1000, { id: 'a' })],
			phaseMinutes: minutes,
			lifecycleEvents: [],
			now: 1000 + MIN,
		})
		expect(state).toMatchObject({ phase: 'analyse', running: true, elapsedMs: MIN })
	})

	it('uses the facilitator’s edited minutes for the budget', () => {
		const state = timerState({
			phaseEvents: [testPhaseEvent('analyse', 0)],
			timerEvents: [],
			phaseMinutes: { ...minutes, analyse: 45 },
			lifecycleEvents: [],
			now: 0,
		})
		expect(state.remainingMs).toBe(45 * MIN)
	})

	describe('when the session ends', () => {
		const end = (at: number, id = 'session-event:end') => ({ id, action: 'end' as const, at })
		const reopen = (at: number, id = 'session-event:reopen') => ({ id, action: 'reopen' as const, at })
		const running = { phaseEvents: [testPhaseEvent('analyse', 0)], timerEvents: [testTimerEvent('analyse', 'start', 0)], phaseMinutes: minutes }

		it('stops the clock at the end’s stamp, whatever time it is now', () => {
			const shortlyAfter = timerState({ ...running, lifecycleEvents: [end(10 * MIN)], now: 10 * MIN + 1000 })
			const daysLater = timerState({ ...running, lifecycleEvents: [end(10 * MIN)], now: 3 * 24 * 60 * MIN })
			expect(shortlyAfter).toMatchObject({ running: false, elapsedMs: 10 * MIN, remainingMs: 20 * MIN })
			expect(daysLater).toEqual(shortlyAfter)
		})

		it('keeps an overrun at what it was when the session ended', () => {
			const state = timerState({ ...running, lifecycleEvents: [end(32 * MIN)], now: 90 * MIN })
			expect(state).toMatchObject({ running: false, overrunMs: 2 * MIN })
		})

		it('counts an end stamped in the same millisecond as a start after the start', () => {
			const state = timerState({
				phaseEvents: [],
				timerEvents: [testTimerEvent('scope', 'start', 1000)],
				phaseMinutes: minutes,
				lifecycleEvents: [end(1000)],
				now: 4 * MIN,
			})
			expect(state).toMatchObject({ running: false, elapsedMs: 0 })
		})

		it('starts a reopened session paused, without the time it stood ended', () => {
			const state = timerState({ ...running, lifecycleEvents: [end(10 * MIN), reopen(60 * MIN)], now: 70 * MIN })
			expect(state).toMatchObject({ running: false, elapsedMs: 10 * MIN })
		})

		it('counts from the facilitator’s new start after a reopen', () => {
			const state = timerState({
				...running,
				timerEvents: [...running.timerEvents, testTimerEvent('analyse', 'start', 61 * MIN)],
				lifecycleEvents: [end(10 * MIN), reopen(60 * MIN)],
				now: 62 * MIN,
			})
			expect(state).toMatchObject({ running: true, elapsedMs: 11 * MIN })
		})
	})
})
