'use client'

import { type FormEvent, useState } from 'react'
import { NA_REASON_MAX } from '@/lib/session/records/naMarkRecord'
import { Field, lengthHint } from '../common/Field'

/** Why the group says a category does not apply here; the reason is required, it is the audit trail. */
export function NaMarkForm({ categoryName, onSubmit, onCancel }: { categoryName: string; onSubmit: (reason: string) => void; onCancel: () => void }) {
	const [reason, setReason] = useState('')
	const [tried, setTried] = useState(false)
	const error = reason.trim() === '' ? 'Say why it does not apply' : undefined
	const submit = (event: FormEvent) => {
		event.preventDefault()
		setTried(true)
		if (!error) onSubmit(reason)
	}
	return (
		<form className="tr-form tr-na-form" onSubmit={submit} aria-label={`${categoryName}: not applicable`} noValidate>
			<Field label={`Why is ${categoryName} not a threat here?`} error={tried ? error : undefined} hint={lengthHint(reason, NA_REASON_MAX)}>
				{({ id, describedBy, invalid }) => (
					<textarea
						id={id}
						data-testid="panel.na.reason"
						rows={2}
						maxLength={NA_REASON_MAX}
						value={reason}
						autoFocus
						aria-describedby={describedBy}
						aria-invalid={invalid}
						onChange={(event) => setReason(event.target.value)}
					/>
				)}
			</Field>
			<div className="tr-form__actions">
				<button type="submit" className="tr-button tr-button--small" data-testid="panel.na.confirm">
					Mark n/a
				</button>
				<button type="button" className="tr-text-button" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</form>
	)
}
