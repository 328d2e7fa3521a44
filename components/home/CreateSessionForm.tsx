'use client'

import { type FormEvent, useId, useState } from 'react'
import {
	type CreateSessionBody,
	type CreateSessionResponse,
	createSessionResponse,
	errorResponse,
	SESSION_DESCRIPTION_MAX_LENGTH,
	SESSION_NAME_MAX_LENGTH,
} from '@/lib/api/sessionSchemas'
import { type ProjectPrefixInput, projectPrefixFromInput } from '@/lib/session/composedIds'
import type { Framework } from '@/lib/sessionEnums'
import { FRAMEWORK_OPTIONS } from '@/components/frameworks'
import { rememberCreatedSession } from './mySessionsStore'
import { ProjectPrefixField } from './ProjectPrefixField'
import { SessionLinks } from './SessionLinks'

type Field = 'name' | 'description' | 'framework' | 'projectPrefix'
type FieldErrors = Partial<Record<Field, string>>
type CreateResult = { ok: true; session: CreateSessionResponse } | { ok: false; fieldErrors: FieldErrors; formError?: string }

const FIELDS = ['name', 'description', 'framework', 'projectPrefix'] as const satisfies readonly Field[]

function isField(value: string): value is Field {
	return (FIELDS as readonly string[]).includes(value)
}

function validate(body: CreateSessionBody, prefix: ProjectPrefixInput): FieldErrors {
	const errors: FieldErrors = {}
	if (body.name.length === 0) errors.name = 'Give the session a name.'
	else if (body.name.length > SESSION_NAME_MAX_LENGTH) errors.name = `At most ${SESSION_NAME_MAX_LENGTH} characters.`
	if (body.description.length > SESSION_DESCRIPTION_MAX_LENGTH) {
		errors.description = `At most ${SESSION_DESCRIPTION_MAX_LENGTH} characters.`
	}
	if (!prefix.ok) errors.projectPrefix = prefix.message
	return errors
}

async function createSession(body: CreateSessionBody): Promise<CreateResult> {
	let response: Response
	try {
		response = await fetch('/api/sessions', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		})
	} catch {
		return { ok: false, fieldErrors: {}, formError: 'Could not reach Threatroom. Check your connection and try again.' }
	}
	const json: unknown = await response.json().catch(() => null)
	if (response.status === 201) {
		const parsed = createSessionResponse.safeParse(json)
		if (parsed.success) return { ok: true, session: parsed.data }
	}
	const error = errorResponse.safeParse(json)
	if (response.status === 400 && error.success) {
		const fieldErrors: FieldErrors = {}
		const unplaced: string[] = []
		for (const issue of error.data.issues ?? []) {
			const field = issue.path.split('.')[0] ?? ''
			if (isField(field)) fieldErrors[field] ??= issue.message
			else unplaced.push(issue.message)
		}
		const formError = unplaced.length > 0 || Object.keys(fieldErrors).length === 0 ? error.data.error : undefined
		return { ok: false, fieldErrors, formError }
	}
	return { ok: false, fieldErrors: {}, formError: `The session could not be created (HTTP ${response.status}). Try again.` }
}

export function CreateSessionForm() {
	const id = useId()
	const [name, setName] = useState('')
	const [description, setDescription] = useState('')
	const [framework, setFramework] = useState<Framework>('STRIDE')
	const [projectPrefix, setProjectPrefix] = useState('')
	const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
	const [formError, setFormError] = useState<string>()
	const [pending, setPending] = useState(false)
	const [created, setCreated] = useState<CreateSessionResponse>()

	if (created) return <SessionLinks session={created} />

	const selected = FRAMEWORK_OPTIONS.find((option) => option.value === framework)

	async function onSubmit(event: FormEvent<HTMLFormElement>) {
		event.preventDefault()
		const prefix = projectPrefixFromInput(projectPrefix)
		const body: CreateSessionBody = {
			name: name.trim(),
			description: description.trim(),
			framework,
			...(prefix.ok && prefix.projectPrefix ? { projectPrefix: prefix.projectPrefix } : {}),
		}
		const errors = validate(body, prefix)
		showErrors(errors)
		if (Object.keys(errors).length > 0) return
		setPending(true)
		const result = await createSession(body)
		setPending(false)
		if (result.ok) {
			rememberCreatedSession(result.session, body.name)
			setCreated(result.session)
		} else showErrors(result.fieldErrors, result.formError)
	}

	function showErrors(errors: FieldErrors, message?: string) {
		setFieldErrors(errors)
		setFormError(message)
		// Move focus to the first field to fix, so keyboard and screen-reader users land on the problem.
		const first = FIELDS.find((field) => errors[field])
		if (first) document.getElementById(`${id}-${first}`)?.focus()
	}

	const describedBy = (field: Field, hint?: string) => [hint, fieldErrors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined

	return (
		<form className="card form" onSubmit={onSubmit} noValidate aria-busy={pending}>
			<h2 className="card__title">New session</h2>
			{formError && (
				<p className="alert" role="alert">
					{formError}
				</p>
			)}

			<div className="field">
				<label className="field__label" htmlFor={`${id}-name`}>
					Session name
				</label>
				<input
					id={`${id}-name`}
					className="input"
					data-testid="home.name"
					value={name}
					onChange={(event) => setName(event.target.value)}
					maxLength={SESSION_NAME_MAX_LENGTH}
					required
					autoComplete="off"
					placeholder="e.g. Payments API: card tokenisation"
					aria-invalid={fieldErrors.name ? true : undefined}
					aria-describedby={describedBy('name')}
				/>
				<FieldError id={`${id}-name-error`} message={fieldErrors.name} />
			</div>

			<div className="field">
				<label className="field__label" htmlFor={`${id}-description`}>
					Description <span className="field__optional">(optional)</span>
				</label>
				<textarea
					id={`${id}-description`}
					className="input textarea"
					data-testid="home.description"
					value={description}
					onChange={(event) => setDescription(event.target.value)}
					maxLength={SESSION_DESCRIPTION_MAX_LENGTH}
					rows={3}
					placeholder="Scope, goals, what is out of bounds…"
					aria-invalid={fieldErrors.description ? true : undefined}
					aria-describedby={describedBy('description', `${id}-description-count`)}
				/>
				<p className="field__hint field__hint--end" id={`${id}-description-count`}>
					{description.length} / {SESSION_DESCRIPTION_MAX_LENGTH}
				</p>
				<FieldError id={`${id}-description-error`} message={fieldErrors.description} />
			</div>

			<div className="field">
				<label className="field__label" htmlFor={`${id}-framework`}>
					Threat framework
				</label>
				<select
					id={`${id}-framework`}
					className="input select"
					data-testid="home.framework"
					value={framework}
					onChange={(event) => {
						const option = FRAMEWORK_OPTIONS.find((candidate) => candidate.value === event.target.value)
						if (option) setFramework(option.value)
					}}
					aria-invalid={fieldErrors.framework ? true : undefined}
					aria-describedby={describedBy('framework', `${id}-framework-summary`)}
				>
					{FRAMEWORK_OPTIONS.map((option) => (
						<option key={option.value} value={option.value} title={option.summary}>
							{option.label}
						</option>
					))}
				</select>
				<p className="field__hint" id={`${id}-framework-summary`}>
					{selected?.summary}
				</p>
				<FieldError id={`${id}-framework-error`} message={fieldErrors.framework} />
			</div>

			<ProjectPrefixField
				id={`${id}-projectPrefix`}
				testId="home.projectPrefix"
				value={projectPrefix}
				onChange={setProjectPrefix}
				error={fieldErrors.projectPrefix}
			/>

			<div className="form__actions">
				<button type="submit" className="button button--primary" data-testid="home.create" disabled={pending}>
					{pending ? 'Creating…' : 'Create session'}
				</button>
			</div>
		</form>
	)
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
	if (!message) return null
	return (
		<p className="field__error" id={id}>
			{message}
		</p>
	)
}
