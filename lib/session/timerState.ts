import { compareSessionEvents, type SessionEvent } from './sessionEvents'
import { INITIAL_PHASE } from './currentPhase'
import type { Phase, PhaseEventRecord, TimerEventRecord } from './records/walkRecords'
import { compareByTimeThenId, type SessionEventLike } from './sessionStatus'

const MS_PER_MINUTE = 60_000

export interface TimerInput {
	phaseEvents: readonly PhaseEventRecord[]
	timerEvents: readonly TimerEventRecord[]
	phaseMinutes: Readonly<Record<Phase, number>>
	/** The session's ends and reopens: an end stops the clock where it stood. */
	lifecycleEvents: readonly SessionEventLike[]
	/** The room's time now (see serverClock.ts), never the browser's own clock. */
	now: number
}

export interface TimerState {
	phase: Phase
	/** When the current phase was entered (room time); null before the first phase change. */
	phaseStartedAt: number | null
	running: boolean
	/** The phase's planned minutes plus every extension since its last reset. */
	budgetMs: number
	extendedMs: number
	/** Time the timer ran in this phase, over all visits to it since its last reset. */
	elapsedMs: number
	remainingMs: number
	/** How far past the budget the phase has run; 0 while time is left. */
	overrunMs: number
}

type LifecycleEvent = SessionEventLike & { typeName: 'lifecycle' }

/**
 * The agenda's own order, with each end or reopen after the agenda events stamped in the same
 * millisecond: the room refuses agenda writes once a session has ended, so whatever shares an
 * end's stamp was taken before it.
 */
function replayOrder(a: SessionEvent | LifecycleEvent, b: SessionEvent | LifecycleEvent): number {
	if (a.typeName !== 'lifecycle' && b.typeName !== 'lifecycle') return compareSessionEvents(a, b)
	if (a.at !== b.at) return a.at - b.at
	if (a.typeName === 'lifecycle' && b.typeName === 'lifecycle') return compareByTimeThenId(a, b)
	return a.typeName === 'lifecycle' ? 1 : -1
}

interface PhaseClock {
	elapsedMs: number
	extendedMs: number
}

/**
 * Folds the agenda's history into the timer the room shows. The rules, as a facilitator expects:
 * - each phase has its own budget, and time spent in it adds up across visits (going back to the
 *   diagram for five minutes costs the diagram five minutes);
 * - a phase change while the timer runs carries the running clock into the new phase, so the
 *   workshop never silently stops counting; while paused, the new phase starts paused;
 * - start and pause only act on the current phase (a late event for another phase is stale);
 * - extend adds to the phase it names; reset forgets that phase's elapsed time and extensions;
 * - ending the session stops the clock at the end's stamp, and a reopened session starts paused:
 *   an ended session shows its final value to everyone, after every reload, whatever `now` is.
 * Pure: the same events and `now` give every client the same answer.
 */
export function timerState({ phaseEvents, timerEvents, phaseMinutes, lifecycleEvents, now }: TimerInput): TimerState {
	const events: (SessionEvent | LifecycleEvent)[] = [
		...phaseEvents,
		...timerEvents,
		...lifecycleEvents.map((event): LifecycleEvent => ({ ...event, typeName: 'lifecycle' })),
	].sort(replayOrder)
	const clocks = new Map<Phase, PhaseClock>()
	const clockOf = (phase: Phase): PhaseClock => {
		let clock = clocks.get(phase)
		if (!clock) {
			clock = { elapsedMs: 0, extendedMs: 0 }
			clocks.set(phase, clock)
		}
		return clock
	}

	let phase: Phase = INITIAL_PHASE
	let phaseStartedAt: number | null = null
	let runningSince: number | null = null
	const stopClock = (at: number) => {
		if (runningSince === null) return
		clockOf(phase).elapsedMs += Math.max(0, at - runningSince)
		runningSince = null
	}

	for (const event of events) {
		if (event.typeName === 'lifecycle') {
			if (event.action === 'end') stopClock(event.at)
			continue
		}
		if (event.typeName === 'phase-event') {
			const wasRunning = runningSince !== null
			stopClock(event.at)
			phase = event.phase
			phaseStartedAt = event.at
			if (wasRunning) runningSince = event.at
			continue
		}
		switch (event.action) {
			case 'start':
				if (event.phase === phase && runningSince === null) runningSince = event.at
				break
			case 'pause':
				if (event.phase === phase) stopClock(event.at)
				break
			case 'extend':
				clockOf(event.phase).extendedMs += event.amountMs
				break
			case 'reset':
				clocks.set(event.phase, { elapsedMs: 0, extendedMs: 0 })
				if (event.phase === phase && runningSince !== null) runningSince = event.at
				break
		}
	}

	const clock = clockOf(phase)
	const running = runningSince !== null
	const elapsedMs = clock.elapsedMs + (runningSince !== null ? Math.max(0, now - runningSince) : 0)
	const budgetMs = (phaseMinutes[phase] ?? 0) * MS_PER_MINUTE + clock.extendedMs
	return {
		phase,
		phaseStartedAt,
		running,
		budgetMs,
		extendedMs: clock.extendedMs,
		elapsedMs,
		remainingMs: Math.max(0, budgetMs - elapsedMs),
		overrunMs: Math.max(0, elapsedMs - budgetMs),
	}
}
