import type { TimerState } from './timerState'

/** The last stretch of a phase, when the timer turns amber so the room starts wrapping up. */
const TIMER_WARNING_MS = 2 * 60_000

type TimerTone = 'idle' | 'running' | 'warning' | 'overrun'

export interface TimerDisplay {
	/** "12:34", or "+02:13 over" once the budget is spent. */
	text: string
	tone: TimerTone
	/** For screen readers: "12 minutes 34 seconds left". */
	spoken: string
}

/** mm:ss; minutes keep counting past 59 (a 90-minute analysis reads "90:00"). */
export function formatClock(ms: number, rounding: 'up' | 'down'): string {
	const totalSeconds = rounding === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000)
	const seconds = Math.max(0, totalSeconds)
	const mm = String(Math.floor(seconds / 60)).padStart(2, '0')
	const ss = String(seconds % 60).padStart(2, '0')
	return `${mm}:${ss}`
}

function spokenDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000))
	const minutes = Math.floor(seconds / 60)
	const rest = seconds % 60
	return minutes > 0 ? `${minutes} minutes ${rest} seconds` : `${rest} seconds`
}

/**
 * What the timer shows. The time left rounds up, so the display reaches 00:00 exactly when the
 * budget is spent, never a second early; the overrun rounds down for the same reason.
 */
export function timerDisplay(state: Pick<TimerState, 'running' | 'remainingMs' | 'overrunMs'>): TimerDisplay {
	if (state.overrunMs > 0) {
		const text = `+${formatClock(state.overrunMs, 'down')} over`
		return { text, tone: 'overrun', spoken: `${spokenDuration(state.overrunMs)} over time` }
	}
	const tone: TimerTone = !state.running ? 'idle' : state.remainingMs <= TIMER_WARNING_MS ? 'warning' : 'running'
	return { text: formatClock(state.remainingMs, 'up'), tone, spoken: `${spokenDuration(state.remainingMs)} left` }
}
