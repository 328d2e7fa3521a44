'use client'

import { type FormEvent, useState } from 'react'
import { type MitigationDraft, validateMitigationDraft } from '@/lib/session/mitigationDraft'
import {
	MITIGATION_KIND_LABEL,
	MITIGATION_KINDS,
	MITIGATION_OWNER_MAX,
	MITIGATION_STATUS_LABEL,
	MITIGATION_STATUSES,
	MITIGATION_TEXT_MAX,
	MITIGATION_TITLE_MAX,
} from '@/lib/session/records/mitigationRecord'
import { lengthHint } from '../common/Field'
import { SelectField } from '../common/SelectField'
import { TextField } from '../common/TextField'

type TextKey = 'title' | 'description' | 'owner' | 'dueDate' | 'acceptanceCriteria' | 'verification' | 'issueUrl'

/** A mitigation's fields, checked against the room's limits as you type (after the first submit). */
export function MitigationForm({
	initial,
	submitLabel,
	onSubmit,
	onCancel,
}: {
	initial: MitigationDraft
	submitLabel: string
	onSubmit: (draft: MitigationDraft) => void
	onCancel: () => void
}) {
	const [draft, setDraft] = useState(initial)
	const [tried, setTried] = useState(false)
	const errors = validateMitigationDraft(draft)
	const shown = tried ? errors : {}
	const set = <K extends keyof MitigationDraft>(key: K, value: MitigationDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))
	const textField = (key: TextKey, countedMax?: number) => ({
		testId: `panel.mitigation.form.${key}`,
		value: draft[key],
		onChange: (value: string) => set(key, value),
		error: shown[key],
		maxLength: countedMax,
		hint: countedMax === undefined ? undefined : lengthHint(draft[key], countedMax),
	})
	const submit = (event: FormEvent) => {
		event.preventDefault()
		setTried(true)
		if (Object.keys(errors).length === 0) onSubmit(draft)
	}
	return (
		<form className="tr-form tr-mitigation-form" onSubmit={submit} aria-label="Mitigation" noValidate data-testid="panel.mitigation.form">
			<TextField label="Mitigation" {...textField('title', MITIGATION_TITLE_MAX)} autoFocus />
			<TextField label="Details" {...textField('description', MITIGATION_TEXT_MAX)} rows={2} />
			<div className="tr-form__row">
				<SelectField
					label="Type"
					testId="panel.mitigation.form.kind"
					value={draft.kind}
					onChange={(value) => set('kind', MITIGATION_KINDS.find((kind) => kind === value) ?? 'design')}
					options={MITIGATION_KINDS}
					optionLabel={(kind) => MITIGATION_KIND_LABEL[kind]}
					error={shown.kind}
				/>
				<SelectField
					label="Status"
					testId="panel.mitigation.form.status"
					value={draft.status}
					onChange={(value) => set('status', MITIGATION_STATUSES.find((status) => status === value) ?? 'planned')}
					options={MITIGATION_STATUSES}
					optionLabel={(status) => MITIGATION_STATUS_LABEL[status]}
					error={shown.status}
				/>
			</div>
			<div className="tr-form__row">
				<TextField label="Owner" {...textField('owner')} maxLength={MITIGATION_OWNER_MAX} />
				<TextField label="Due" {...textField('dueDate')} type="date" />
			</div>
			<TextField label="Acceptance criteria" {...textField('acceptanceCriteria', MITIGATION_TEXT_MAX)} rows={2} />
			<TextField label="How it is verified" {...textField('verification', MITIGATION_TEXT_MAX)} rows={2} />
			<TextField label="Issue link" {...textField('issueUrl')} type="url" placeholder="https://" />
			<div className="tr-form__actions">
				<button type="submit" className="tr-button tr-button--small" data-testid="panel.mitigation.form.submit">
					{submitLabel}
				</button>
				<button type="button" className="tr-text-button" data-testid="panel.mitigation.form.cancel" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</form>
	)
}
