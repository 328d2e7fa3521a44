'use client'

import type { ReactNode } from 'react'
import { useValue } from 'tldraw'
import { PHASE_LABEL, type TimerAction } from '@/lib/session/records/walkRecords'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { timerDisplay } from '@/lib/session/timerDisplay'
import { timerState } from '@/lib/session/timerState'
import { useSession } from '../SessionContext'
import { useServerNow } from '../useServerClock'
import { runTimer } from './agendaActions'

/**
 * The current phase and its countdown in the room's time, the same on every screen. Overrun shows
 * in red as "+02:13 over": a facilitator needs to see it, not a timer quietly parked at zero.
 * Once the session has ended it shows where the clock stood at the end.
 */
export function PhaseTimer() {
	const session = useSession()
	const { model, role, serverOffsetMs } = session
	const now = useServerNow(serverOffsetMs)
	const phaseEvents = useValue(model.phaseEvents)
	const timerEvents = useValue(model.timerEvents)
	const walk = useValue(model.walk)
	const lifecycleEvents = useValue(model.sessionEvents)
	const state = timerState({ phaseEvents, timerEvents, phaseMinutes: walk.phaseMinutes, lifecycleEvents, now })
	const display = timerDisplay(state)
	const facilitator = canFacilitate(role)
	const run = (action: TimerAction) => runTimer(session, state.phase, action)

	return (
		<div className={`tr-timer tr-timer--${display.tone}`}>
			<span className="tr-timer__phase" data-testid="panel.phase.current">
				{PHASE_LABEL[state.phase]}
			</span>
			<span className="tr-timer__clock" data-testid="panel.timer" role="timer" aria-label={display.spoken} data-tone={display.tone}>
				{display.text}
			</span>
			{facilitator && (
				<div className="tr-timer__controls">
					{state.running ? (
						<TimerButton action="pause" label="Pause the timer" title="Pause" onRun={run}>
							❚❚
						</TimerButton>
					) : (
						<TimerButton action="start" label="Start the timer" title="Start" primary onRun={run}>
							▶
						</TimerButton>
					)}
					<TimerButton action="extend" label="Add five minutes" title="Add 5 minutes" onRun={run}>
						+5
					</TimerButton>
					<TimerButton action="reset" label={`Reset the ${PHASE_LABEL[state.phase]} timer`} title="Reset this phase's timer" onRun={run}>
						↺
					</TimerButton>
				</div>
			)}
		</div>
	)
}

/** One timer control, test id `panel.timer.<action>`; the icon is the visible text, the label is read out. */
function TimerButton({
	action,
	label,
	title,
	primary = false,
	onRun,
	children,
}: {
	action: TimerAction
	label: string
	title: string
	primary?: boolean
	onRun: (action: TimerAction) => void
	children: ReactNode
}) {
	return (
		<button
			type="button"
			className={primary ? 'tr-icon-button tr-icon-button--primary' : 'tr-icon-button'}
			data-testid={`panel.timer.${action}`}
			aria-label={label}
			title={title}
			onClick={() => onRun(action)}
		>
			{children}
		</button>
	)
}
