'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import type { CreateSessionResponse } from '@/lib/api/sessionSchemas'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { formatCalendarDay, formatDay, formatMoment } from '@/components/panel/common/dates'
import { Dialog } from '@/components/panel/common/Dialog'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { rememberCreatedSession } from '@/components/home/mySessionsStore'
import { followUpName } from '@/lib/api/derivedSessionSchemas'
import { FollowUpDialog } from './FollowUpDialog'
import { startFollowUp } from './followUpRequest'
import { reopenSession } from './sessionEndActions'
import { SessionSummary } from './SessionSummary'
import './sessionEnd.css'

/**
 * Across the top of an ended session, for everyone: when it ended and when the group meets again.
 * Everyone can read the summary; the facilitator can reopen it or start the follow-up session.
 */
export function SessionEndedBanner() {
	const session = useOptionalSession()
	const end = useValue('session end', () => session?.model.sessionEnd.get() ?? null, [session?.model])
	const [showSummary, setShowSummary] = useState(false)
	const [followUp, setFollowUp] = useState<CreateSessionResponse | null>(null)
	const [showFollowUp, setShowFollowUp] = useState(false)
	const [startingFollowUp, setStartingFollowUp] = useState(false)
	if (!session || !end?.ended) return null
	const facilitator = canFacilitate(session.linkRole)

	const onFollowUp = async () => {
		// Its links are shown once only, so a second press shows them again instead of making another.
		if (followUp) return setShowFollowUp(true)
		setStartingFollowUp(true)
		const result = await startFollowUp(session.sessionId, session.token)
		setStartingFollowUp(false)
		if (!result.ok) return session.notify({ message: result.message, tone: 'error', durationMs: 10_000 })
		rememberCreatedSession(result.links, followUpName(session.sessionName))
		setFollowUp(result.links)
		setShowFollowUp(true)
	}

	return (
		<>
			<div className="tr-ended" data-testid="session.ended" role="status">
				<LockIcon />
				<p className="tr-ended__text">
					This session ended on{' '}
					<time dateTime={new Date(end.endedAt).toISOString()} title={formatMoment(end.endedAt)}>
						{formatDay(end.endedAt)}
					</time>
					{end.nextSessionDate ? (
						<>
							; next session{' '}
							<time dateTime={end.nextSessionDate} data-testid="session.ended.next">
								{formatCalendarDay(end.nextSessionDate)}
							</time>
						</>
					) : (
						'; no next session planned'
					)}
					. Everything is read-only{facilitator ? ' until you reopen it' : ''}.
				</p>
				<div className="tr-ended__actions">
					<button type="button" className="tr-text-button" data-testid="session.summary.open" onClick={() => setShowSummary(true)}>
						Summary
					</button>
					{facilitator && (
						<>
							<button
								type="button"
								className="tr-button tr-button--small tr-button--secondary"
								data-testid="session.reopen"
								onClick={() => reopenSession(session)}
							>
								Reopen
							</button>
							<button type="button" className="tr-button tr-button--small" data-testid="session.followUp" disabled={startingFollowUp} onClick={onFollowUp}>
								{startingFollowUp ? 'Starting…' : followUp ? 'Follow-up links' : 'Start follow-up'}
							</button>
						</>
					)}
				</div>
			</div>
			{showSummary && (
				<Dialog title={`Summary of “${session.sessionName}”`} testId="session.summary.view" onClose={() => setShowSummary(false)} wide>
					<SessionSummary />
				</Dialog>
			)}
			{followUp && showFollowUp && <FollowUpDialog links={followUp} onClose={() => setShowFollowUp(false)} />}
		</>
	)
}

function LockIcon() {
	return (
		<svg className="tr-ended__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
			<rect x="5" y="10" width="14" height="10" rx="2" fill="currentColor" />
			<path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
		</svg>
	)
}
