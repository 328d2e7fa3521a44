'use client'

import { useValue } from 'tldraw'
import { PHASE_LABEL } from '@/lib/session/records/walkRecords'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { timerDisplay } from '@/lib/session/timerDisplay'
import { timerState } from '@/lib/session/timerState'
import { useSession } from '../SessionContext'
import { useServerNow } from '../useServerClock'
import { runTimer } from './agendaActions'

/**
 * The current phase and its countdown in the room's time, the same on every screen. Overrun shows
 * in red as "+02:13 over": a facilitator needs to see it, not a timer quietly parked at zero.
 */
export function PhaseTimer() {
	const session = useSession()
	const { model, role, serverOffsetMs } = session
	const now = useServerNow(serverOffsetMs)
	const phaseEvents = useValue(model.phaseEvents)
	const timerEvents = useValue(model.timerEvents)
	const walk = useValue(model.walk)
	const state = timerState({ phaseEvents, timerEvents, phaseMinutes: walk.phaseMinutes, now })
	const display = timerDisplay(state)
	const facilitator = canFacilitate(role)

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
						<button
							type="button"
							className="tr-icon-button"
							data-testid="panel.timer.pause"
							aria-label="Pause the timer"
							title="Pause"
							onClick={() => runTimer(session, state.phase, 'pause')}
						>
							❚❚
						</button>
					) : (
						<button
							type="button"
							className="tr-icon-button tr-icon-button--primary"
							data-testid="panel.timer.start"
							aria-label="Start the timer"
							title="Start"
							onClick={() => runTimer(session, state.phase, 'start')}
						>
							▶
						</button>
					)}
					<button
						type="button"
						className="tr-icon-button"
						data-testid="panel.timer.extend"
						aria-label="Add five minutes"
						title="Add 5 minutes"
						onClick={() => runTimer(session, state.phase, 'extend')}
					>
						+5
					</button>
					<button
						type="button"
						className="tr-icon-button"
						data-testid="panel.timer.reset"
						aria-label={`Reset the ${PHASE_LABEL[state.phase]} timer`}
						title="Reset this phase's timer"
						onClick={() => runTimer(session, state.phase, 'reset')}
					>
						↺
					</button>
				</div>
			)}
		</div>
	)
}
