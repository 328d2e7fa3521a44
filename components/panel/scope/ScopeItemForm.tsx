'use client'

import { type FormEvent, useState } from 'react'
import type { ScopeItemFields } from '@/lib/session/recordFactories'
import { CIA_NEEDS, type CiaNeed, SCOPE_DESCRIPTION_MAX, SCOPE_ITEM_LABEL, SCOPE_TITLE_MAX, type ScopeItemKind } from '@/lib/session/records/scopeItemRecord'
import { lengthHint } from '../common/Field'
import { SelectField } from '../common/SelectField'
import { TextField } from '../common/TextField'

const CIA_FIELDS = [
	['confidentiality', 'Confidentiality'],
	['integrity', 'Integrity'],
	['availability', 'Availability'],
] as const

const EMPTY_FIELDS: ScopeItemFields = {
	title: '',
	description: '',
	confidentiality: null,
	integrity: null,
	availability: null,
	inScope: true,
}

function needOf(value: string): CiaNeed | null {
	return CIA_NEEDS.find((need) => need === value) ?? null
}

/** Adds or edits one scope item; assets get their C/I/A needs, threat agents their in/out of scope. */
export function ScopeItemForm({
	kind,
	initial = EMPTY_FIELDS,
	submitLabel,
	onSubmit,
	onCancel,
}: {
	kind: ScopeItemKind
	initial?: ScopeItemFields
	submitLabel: string
	onSubmit: (fields: ScopeItemFields) => void
	onCancel: () => void
}) {
	const [fields, setFields] = useState(initial)
	const [tried, setTried] = useState(false)
	const titleError =
		fields.title.trim() === '' ? 'Give it a title' : fields.title.length > SCOPE_TITLE_MAX ? `At most ${SCOPE_TITLE_MAX} characters` : undefined
	const set = <K extends keyof ScopeItemFields>(key: K, value: ScopeItemFields[K]) => setFields((current) => ({ ...current, [key]: value }))

	const submit = (event: FormEvent) => {
		event.preventDefault()
		setTried(true)
		if (titleError) return
		onSubmit(fields)
	}

	return (
		<form className="tr-form" onSubmit={submit} aria-label={`${SCOPE_ITEM_LABEL[kind]} details`} noValidate>
			<TextField
				label="Title"
				testId="panel.scope.form.title"
				value={fields.title}
				onChange={(title) => set('title', title)}
				error={tried ? titleError : undefined}
				hint={lengthHint(fields.title, SCOPE_TITLE_MAX)}
				maxLength={SCOPE_TITLE_MAX}
				autoFocus
			/>
			<TextField
				label="Description"
				testId="panel.scope.form.description"
				value={fields.description}
				onChange={(description) => set('description', description)}
				hint={lengthHint(fields.description, SCOPE_DESCRIPTION_MAX)}
				maxLength={SCOPE_DESCRIPTION_MAX}
				rows={2}
			/>
			{kind === 'asset' && (
				<div className="tr-form__row">
					{CIA_FIELDS.map(([key, label]) => (
						<SelectField
							key={key}
							label={label}
							testId={`panel.scope.form.${key}`}
							value={fields[key] ?? ''}
							onChange={(value) => set(key, needOf(value))}
							options={CIA_NEEDS}
							emptyOption="—"
						/>
					))}
				</div>
			)}
			{kind === 'threatAgent' && (
				<label className="tr-checkbox">
					<input type="checkbox" data-testid="panel.scope.form.inScope" checked={fields.inScope} onChange={(event) => set('inScope', event.target.checked)} />
					In scope (we defend against this agent)
				</label>
			)}
			<div className="tr-form__actions">
				<button type="submit" className="tr-button tr-button--small" data-testid="panel.scope.form.submit">
					{submitLabel}
				</button>
				<button type="button" className="tr-text-button" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</form>
	)
}
