'use client'

import { type FormEvent, useState } from 'react'
import { getCategory } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { RISK_LEVELS } from '@/lib/risk/riskScore'
import { THREAT_STATUSES, type ThreatStatus } from '@/lib/risk/threatStatus'
import { effectiveRating } from '@/lib/session/effectiveRating'
import {
	THREAT_DESCRIPTION_MAX,
	THREAT_MITIGATION_MAX,
	THREAT_OWNER_MAX,
	THREAT_TITLE_MAX,
} from '@/lib/session/records/threatRecord'
import { isValidDraft, type ThreatDraft, validateThreatDraft } from '@/lib/session/threatDraft'
import { Field, lengthHint } from '../common/Field'
import { LEVEL_HINT } from '../common/LevelPicker'
import { RiskChip } from '../common/RiskChip'

function statusOf(value: string): ThreatStatus {
	return THREAT_STATUSES.find((status) => status === value) ?? 'Open'
}

/**
 * A threat's fields, checked against the room's own limits as you type (after the first submit),
 * with the resulting risk shown live so the rating is a conscious choice.
 */
export function ThreatForm({
	framework,
	categories,
	initial,
	submitLabel,
	onSubmit,
	onCancel,
}: {
	framework: FrameworkId
	/** The categories that apply to the element; a threat files under one or more. */
	categories: readonly string[]
	initial: ThreatDraft
	submitLabel: string
	onSubmit: (draft: ThreatDraft) => void
	onCancel: () => void
}) {
	const [draft, setDraft] = useState(initial)
	const [tried, setTried] = useState(false)
	const errors = validateThreatDraft(draft)
	const shown = tried ? errors : {}
	const set = <K extends keyof ThreatDraft>(key: K, value: ThreatDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))
	const toggleCategory = (id: string, on: boolean) =>
		set('categories', on ? [...draft.categories, id] : draft.categories.filter((category) => category !== id))
	// A category the element no longer has (its kind changed) stays visible so it can be unticked.
	const offered = [...categories, ...draft.categories.filter((id) => !categories.includes(id))]

	const submit = (event: FormEvent) => {
		event.preventDefault()
		setTried(true)
		if (isValidDraft(errors)) onSubmit(draft)
	}

	return (
		<form className="tr-form tr-threat-form" onSubmit={submit} aria-label="Threat" noValidate data-testid="panel.threat.form">
			<Field label="Title" error={shown.title} hint={lengthHint(draft.title, THREAT_TITLE_MAX)}>
				{({ id, describedBy, invalid }) => (
					<input
						id={id}
						data-testid="panel.threat.form.title"
						value={draft.title}
						maxLength={THREAT_TITLE_MAX}
						aria-describedby={describedBy}
						aria-invalid={invalid}
						autoFocus
						onChange={(event) => set('title', event.target.value)}
					/>
				)}
			</Field>
			<fieldset className="tr-form__categories" aria-describedby={shown.categories ? 'threat-categories-error' : undefined}>
				<legend className="tr-field__label">Categories</legend>
				{offered.map((id) => (
					<label key={id} className="tr-category-check" title={getCategory(framework, id)?.question}>
						<input
							type="checkbox"
							data-testid={`panel.threat.form.category.${id}`}
							checked={draft.categories.includes(id)}
							onChange={(event) => toggleCategory(id, event.target.checked)}
						/>
						{getCategory(framework, id)?.name ?? id}
					</label>
				))}
				{shown.categories && (
					<span id="threat-categories-error" className="tr-field__error">
						{shown.categories}
					</span>
				)}
			</fieldset>
			<Field label="Description" error={shown.description} hint={lengthHint(draft.description, THREAT_DESCRIPTION_MAX)}>
				{({ id, describedBy, invalid }) => (
					<textarea
						id={id}
						data-testid="panel.threat.form.description"
						rows={3}
						value={draft.description}
						maxLength={THREAT_DESCRIPTION_MAX}
						aria-describedby={describedBy}
						aria-invalid={invalid}
						onChange={(event) => set('description', event.target.value)}
					/>
				)}
			</Field>
			<div className="tr-form__row tr-form__row--rating">
				{(['likelihood', 'impact'] as const).map((key) => (
					<Field key={key} label={key === 'likelihood' ? 'Likelihood' : 'Impact'} error={shown[key]}>
						{({ id }) => (
							<select
								id={id}
								data-testid={`panel.threat.form.${key}`}
								value={draft[key]}
								onChange={(event) => set(key, Number(event.target.value))}
							>
								{RISK_LEVELS.map((level) => (
									<option key={level} value={level}>
										{level} · {LEVEL_HINT[level]}
									</option>
								))}
							</select>
						)}
					</Field>
				))}
				<div className="tr-form__risk" aria-live="polite">
					<span className="tr-field__label">Risk</span>
					<RiskChip rating={effectiveRating({ ...draft, agreedLikelihood: null, agreedImpact: null })} />
				</div>
			</div>
			<Field label="Mitigation" error={shown.mitigation} hint={lengthHint(draft.mitigation, THREAT_MITIGATION_MAX)}>
				{({ id, describedBy, invalid }) => (
					<textarea
						id={id}
						data-testid="panel.threat.form.mitigation"
						rows={2}
						value={draft.mitigation}
						maxLength={THREAT_MITIGATION_MAX}
						aria-describedby={describedBy}
						aria-invalid={invalid}
						onChange={(event) => set('mitigation', event.target.value)}
					/>
				)}
			</Field>
			<div className="tr-form__row">
				<Field label="Owner" error={shown.owner}>
					{({ id, describedBy, invalid }) => (
						<input
							id={id}
							data-testid="panel.threat.form.owner"
							value={draft.owner}
							maxLength={THREAT_OWNER_MAX}
							aria-describedby={describedBy}
							aria-invalid={invalid}
							onChange={(event) => set('owner', event.target.value)}
						/>
					)}
				</Field>
				<Field label="Due" error={shown.dueDate}>
					{({ id, describedBy, invalid }) => (
						<input
							id={id}
							type="date"
							data-testid="panel.threat.form.dueDate"
							value={draft.dueDate}
							aria-describedby={describedBy}
							aria-invalid={invalid}
							onChange={(event) => set('dueDate', event.target.value)}
						/>
					)}
				</Field>
			</div>
			<div className="tr-form__row">
				<Field label="Issue link" error={shown.issueUrl}>
					{({ id, describedBy, invalid }) => (
						<input
							id={id}
							type="url"
							placeholder="https://"
							data-testid="panel.threat.form.issueUrl"
							value={draft.issueUrl}
							aria-describedby={describedBy}
							aria-invalid={invalid}
							onChange={(event) => set('issueUrl', event.target.value)}
						/>
					)}
				</Field>
				<Field label="Status" error={shown.status}>
					{({ id }) => (
						<select
							id={id}
							data-testid="panel.threat.form.status"
							value={draft.status}
							onChange={(event) => set('status', statusOf(event.target.value))}
						>
							{THREAT_STATUSES.map((status) => (
								<option key={status} value={status}>
									{status}
								</option>
							))}
						</select>
					)}
				</Field>
			</div>
			<div className="tr-form__actions">
				<button type="submit" className="tr-button tr-button--small" data-testid="panel.threat.form.submit">
					{submitLabel}
				</button>
				<button type="button" className="tr-text-button" data-testid="panel.threat.form.cancel" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</form>
	)
}
