'use client'

import { type FormEvent, useState } from 'react'
import { NA_REASON_MAX } from '@/lib/session/records/naMarkRecord'
import { lengthHint } from '../common/Field'
import { TextField } from '../common/TextField'

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
			<TextField
				label={`Why is ${categoryName} not a threat here?`}
				testId="panel.na.reason"
				value={reason}
				onChange={setReason}
				error={tried ? error : undefined}
				hint={lengthHint(reason, NA_REASON_MAX)}
				maxLength={NA_REASON_MAX}
				rows={2}
				autoFocus
			/>
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
