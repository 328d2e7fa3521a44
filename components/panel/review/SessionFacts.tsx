'use client'

import { type FormEvent, useState } from 'react'
import { uniqueId, useValue } from 'tldraw'
import { composeId, formatSessionNumber, projectPrefixFromInput } from '@/lib/session/composedIds'
import { reviewEvent } from '@/lib/session/metadataFactories'
import { REVIEW_STATUS_LABEL, REVIEW_STATUSES, type ReviewStatus } from '@/lib/session/records/reviewEventRecord'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { PanelSection } from '../common/PanelSection'
import { MetadataEditor } from '../metadata/MetadataEditor'
import { useSession } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'
import { saveProjectPrefix } from './projectPrefixRequest'
import './review.css'

function isReviewStatus(value: string): value is ReviewStatus {
	return (REVIEW_STATUSES as readonly string[]).includes(value)
}

/**
 * The review status everyone sees; the facilitator sets it, also once the session has ended
 * (the room allows it then: a model is reviewed once drawn), so this checks the link's role.
 */
function ReviewStatusField() {
	const { editor, model, linkRole, notify } = useSession()
	const review = useValue('review', () => model.review.get(), [model])
	const setBy = review.setByName ? ` — set by ${review.setByName}` : ''
	if (!canFacilitate(linkRole)) {
		return (
			<p className="tr-session-facts__row">
				Review status:{' '}
				<strong data-testid="panel.review.status" data-status={review.status}>
					{REVIEW_STATUS_LABEL[review.status]}
				</strong>
				{setBy}
			</p>
		)
	}
	return (
		<label className="tr-session-facts__row">
			Review status{' '}
			<select
				data-testid="panel.review.select"
				value={review.status}
				onChange={(event) => {
					const status = event.target.value
					if (!isReviewStatus(status) || status === review.status) return
					putSessionRecords(editor, [reviewEvent(status, uniqueId)])
					notify({ message: `Review status: ${REVIEW_STATUS_LABEL[status]}`, tone: 'info' })
				}}
			>
				{REVIEW_STATUSES.map((status) => (
					<option key={status} value={status}>
						{REVIEW_STATUS_LABEL[status]}
					</option>
				))}
			</select>
			{setBy}
		</label>
	)
}

/** The project prefix exported IDs are composed with; the facilitator sets or clears it. */
function ProjectPrefixField() {
	const { sessionId, token, linkRole, project, onProjectChange } = useSession()
	const [draft, setDraft] = useState(project.projectPrefix ?? '')
	const [error, setError] = useState<string | null>(null)
	const example = composeId(project, 'T-001')
	const summary = project.projectPrefix ? `Exported threat IDs read ${example}` : `No project prefix: exported threat IDs read ${example}`

	if (!canFacilitate(linkRole)) {
		return (
			<p className="tr-session-facts__row" data-testid="panel.project">
				Session {formatSessionNumber(project.sessionNumber)}. {summary}.
			</p>
		)
	}
	const submit = async (event: FormEvent) => {
		event.preventDefault()
		const prefix = projectPrefixFromInput(draft)
		if (!prefix.ok) return setError(prefix.message)
		const saved = await saveProjectPrefix(sessionId, token, prefix.projectPrefix)
		if (!saved.ok) return setError(saved.message)
		setError(null)
		onProjectChange({ projectPrefix: saved.session.projectPrefix, sessionNumber: saved.session.sessionNumber })
	}
	return (
		<form className="tr-session-facts__row tr-session-facts__prefix" onSubmit={submit} noValidate>
			<label>
				Project prefix{' '}
				<input data-testid="panel.project.prefix" value={draft} maxLength={10} placeholder="e.g. PAY" onChange={(event) => setDraft(event.target.value)} />
			</label>
			<button type="submit" className="tr-button tr-button--small" data-testid="panel.project.save">
				Save
			</button>
			<span className="tr-note" data-testid="panel.project">
				Session {formatSessionNumber(project.sessionNumber)}. {summary}.
			</span>
			{error && (
				<p className="tr-field__error" role="alert">
					{error}
				</p>
			)}
		</form>
	)
}

/** The session as a whole: its review status, its project's IDs and its own metadata. */
export function SessionFacts() {
	return (
		<PanelSection title="Session" testId="panel.session">
			<ReviewStatusField />
			<ProjectPrefixField />
			<MetadataEditor target="session" label="the session" />
		</PanelSection>
	)
}
