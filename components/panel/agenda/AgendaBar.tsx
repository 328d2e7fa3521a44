'use client'

import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { PHASE_LABEL, PHASE_MINUTES_MAX, PHASES, type Phase } from '@/lib/session/records/walkRecords'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { moveToPhase, setPhaseMinutes } from './agendaActions'
import { PhaseTimer } from './PhaseTimer'
import './agenda.css'

/** Minutes typed into the agenda, written once the field is left so typing "30" is one change, not two. */
function MinutesInput({ phase, minutes }: { phase: Phase; minutes: number }) {
	const session = useSession()
	const [text, setText] = useState(String(minutes))
	useEffect(() => setText(String(minutes)), [minutes])
	const commit = () => {
		const value = Number(text)
		if (Number.isInteger(value) && value >= 1 && value <= PHASE_MINUTES_MAX) setPhaseMinutes(session, phase, value)
		else setText(String(minutes))
	}
	return (
		<label className="tr-agenda__minutes">
			<input
				type="number"
				min={1}
				max={PHASE_MINUTES_MAX}
				step={1}
				inputMode="numeric"
				data-testid={`panel.minutes.${phase}`}
				aria-label={`${PHASE_LABEL[phase]} minutes`}
				value={text}
				onChange={(event) => setText(event.target.value)}
				onBlur={commit}
				onKeyDown={(event) => {
					if (event.key === 'Enter') event.currentTarget.blur()
				}}
			/>
			<span aria-hidden="true">min</span>
		</label>
	)
}

/** Scope → Diagram → Analyse → Decide with their minutes, the current phase and its timer. */
export function AgendaBar() {
	const session = useSession()
	const { model, role } = session
	const current = useValue(model.phase).phase
	const minutes = useValue(model.walk).phaseMinutes
	const facilitator = canFacilitate(role)
	const currentIndex = PHASES.indexOf(current)

	return (
		// biome-ignore lint/a11y/useSemanticElements: the phases of the agenda, not form fields: role=group names them without a fieldset's form semantics and box
		<div className="tr-agenda" role="group" aria-label="Agenda">
			<ol className="tr-agenda__phases">
				{PHASES.map((phase, index) => {
					const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'next'
					return (
						<li key={phase} className={`tr-agenda__phase tr-agenda__phase--${state}`}>
							<button
								type="button"
								className="tr-agenda__phase-button"
								data-testid={`panel.phase.${phase}`}
								aria-current={state === 'current' ? 'step' : undefined}
								disabled={!facilitator}
								title={facilitator ? `Move the workshop to ${PHASE_LABEL[phase]}` : PHASE_LABEL[phase]}
								onClick={() => {
									if (phase !== current) moveToPhase(session, phase)
								}}
							>
								<span className="tr-agenda__index">{state === 'done' ? '✓' : index + 1}</span>
								{PHASE_LABEL[phase]}
							</button>
							{facilitator ? (
								<MinutesInput phase={phase} minutes={minutes[phase]} />
							) : (
								<span className="tr-agenda__minutes" data-testid={`panel.minutes.${phase}`}>
									{minutes[phase]} min
								</span>
							)}
						</li>
					)
				})}
			</ol>
			<PhaseTimer />
		</div>
	)
}
