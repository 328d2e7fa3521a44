'use client'

import { type FormEvent, useId, useState } from 'react'
import { useValue } from 'tldraw'
import { Dialog } from '@/components/panel/common/Dialog'
import { todayCalendarDay } from '@/components/panel/common/dates'
import { useSession } from '@/components/panel/SessionContext'
import { tallyThreats } from '@/lib/reports/threatTally'
import { endSession } from './sessionEndActions'
import { SessionSummary } from './SessionSummary'

/**
 * Ending, in one look: the summary to close the workshop on, the date the group meets again, and
 * what ending does. Confirming appends an "end" event; the room then refuses every write but the
 * facilitator's reopen.
 */
export function EndSessionDialog({ onClose }: { onClose: () => void }) {
	const session = useSession()
	const id = useId()
	const [nextDate, setNextDate] = useState('')
	const undecided = useValue('undecided threats', () => tallyThreats(session.model.ratedThreats.get()).byDecision.undecided, [session.model])

	const confirm = (event: FormEvent) => {
		event.preventDefault()
		endSession(session, nextDate)
		onClose()
	}

	return (
		<Dialog title={`End “${session.sessionName}”?`} testId="session.summary" onClose={onClose} wide>
			<SessionSummary />
			<form className="tr-end-form" onSubmit={confirm} aria-label="End the session">
				<div className="tr-field">
					<label className="tr-field__label" htmlFor={`${id}-next`}>
						Next session <span className="tr-field__optional">(optional)</span>
					</label>
					<input
						id={`${id}-next`}
						type="date"
						min={todayCalendarDay()}
						data-testid="session.nextDate"
						value={nextDate}
						aria-describedby={`${id}-next-hint`}
						onChange={(event) => setNextDate(event.target.value)}
					/>
					<span className="tr-field__hint" id={`${id}-next-hint`}>
						Shown to everyone who opens the ended session, and in the reports.
					</span>
				</div>
				<p className="tr-end-form__effect">
					Ending makes the session read-only for everyone, the canvas included. You can reopen it, or start a follow-up session with the same diagrams, scope
					and open threats.
					{undecided > 0 && (
						<strong>
							{' '}
							{undecided} {undecided === 1 ? 'threat has' : 'threats have'} no decision yet.
						</strong>
					)}
				</p>
				<div className="tr-dialog__actions">
					<button type="button" className="tr-text-button" onClick={onClose}>
						Cancel
					</button>
					<button type="submit" className="tr-button" data-testid="session.end.confirm">
						End session
					</button>
				</div>
			</form>
		</Dialog>
	)
}
