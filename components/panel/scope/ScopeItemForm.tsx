'use client'

import { type FormEvent, useState } from 'react'
import type { ScopeItemFields } from '@/lib/session/recordFactories'
import {
	CIA_NEEDS,
	type CiaNeed,
	SCOPE_DESCRIPTION_MAX,
	SCOPE_ITEM_LABEL,
	SCOPE_TITLE_MAX,
	type ScopeItemKind,
} from '@/lib/session/records/scopeItemRecord'
import { Field, lengthHint } from '../common/Field'

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
			<Field label="Title" error={tried ? titleError : undefined} hint={lengthHint(fields.title, SCOPE_TITLE_MAX)}>
				{({ id, describedBy, invalid }) => (
					<input
						id={id}
						data-testid="panel.scope.form.title"
						value={fields.title}
						maxLength={SCOPE_TITLE_MAX}
						aria-describedby={describedBy}
						aria-invalid={invalid}
						autoFocus
						onChange={(event) => set('title', event.target.value)}
					/>
				)}
			</Field>
			<Field label="Description" hint={lengthHint(fields.description, SCOPE_DESCRIPTION_MAX)}>
				{({ id, describedBy }) => (
					<textarea
						id={id}
						data-testid="panel.scope.form.description"
						rows={2}
						value={fields.description}
						maxLength={SCOPE_DESCRIPTION_MAX}
						aria-describedby={describedBy}
						onChange={(event) => set('description', event.target.value)}
					/>
				)}
			</Field>
			{kind === 'asset' && (
				<div className="tr-form__row">
					{CIA_FIELDS.map(([key, label]) => (
						<Field key={key} label={label}>
							{({ id }) => (
								<select
									id={id}
									data-testid={`panel.scope.form.${key}`}
									value={fields[key] ?? ''}
									onChange={(event) => set(key, needOf(event.target.value))}
								>
									<option value="">—</option>
									{CIA_NEEDS.map((need) => (
										<option key={need} value={need}>
											{need}
										</option>
									))}
								</select>
							)}
						</Field>
					))}
				</div>
			)}
			{kind === 'threatAgent' && (
				<label className="tr-checkbox">
					<input
						type="checkbox"
						data-testid="panel.scope.form.inScope"
						checked={fields.inScope}
						onChange={(event) => set('inScope', event.target.checked)}
					/>
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
