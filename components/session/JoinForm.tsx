'use client'

import { type FormEvent, useId, useState } from 'react'
import { FRAMEWORK_OPTIONS } from '@/components/frameworks'
import { ROLE_ABILITIES, ROLE_LABELS } from '@/components/roles'
import type { JoinResponse } from '@/lib/api/sessionSchemas'
import { DISPLAY_NAME_MAX_LENGTH, parseDisplayName, readRememberedDisplayName, rememberDisplayName } from './identity'

export function JoinForm({ joined, onJoin }: { joined: JoinResponse; onJoin: (displayName: string) => void }) {
	const id = useId()
	const [name, setName] = useState(readRememberedDisplayName)
	const [error, setError] = useState<string>()
	const { session, role } = joined
	const framework = FRAMEWORK_OPTIONS.find((option) => option.value === session.framework)

	function onSubmit(event: FormEvent<HTMLFormElement>) {
		event.preventDefault()
		const parsed = parseDisplayName(name)
		if (!parsed.ok) return setError(parsed.error)
		rememberDisplayName(parsed.value)
		onJoin(parsed.value)
	}

	return (
		<form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
			<p className="eyebrow">Join session</p>
			<h1 className="card__title card__title--large" id={`${id}-title`}>
				{session.name}
			</h1>
			{session.description && <p className="session-description">{session.description}</p>}
			<dl className="facts">
				<div className="facts__item">
					<dt>Framework</dt>
					<dd title={framework?.summary}>{framework?.label ?? session.framework}</dd>
				</div>
				<div className="facts__item">
					<dt>Your role</dt>
					<dd>
						<span className={`badge badge--${role}`}>{ROLE_LABELS[role]}</span>
					</dd>
				</div>
				{session.status === 'ended' && (
					<div className="facts__item">
						<dt>Status</dt>
						<dd>Ended</dd>
					</div>
				)}
			</dl>
			<p className="field__hint">{ROLE_ABILITIES[role]}</p>

			<div className="field">
				<label className="field__label" htmlFor={`${id}-name`}>
					Your name
				</label>
				<input
					id={`${id}-name`}
					className="input"
					data-testid="join.name"
					value={name}
					onChange={(event) => setName(event.target.value)}
					maxLength={DISPLAY_NAME_MAX_LENGTH}
					required
					// biome-ignore lint/a11y/noAutofocus: the name is the one thing the join page asks for
					autoFocus
					autoComplete="nickname"
					aria-invalid={error ? true : undefined}
					aria-describedby={error ? `${id}-name-error` : `${id}-name-hint`}
				/>
				{error ? (
					<p className="field__error" id={`${id}-name-error`}>
						{error}
					</p>
				) : (
					<p className="field__hint" id={`${id}-name-hint`}>
						Shown next to your cursor and your contributions. Remembered on this device.
					</p>
				)}
			</div>

			<div className="form__actions">
				<button type="submit" className="button button--primary" data-testid="join.submit">
					Join session
				</button>
			</div>
		</form>
	)
}
