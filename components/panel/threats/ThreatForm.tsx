'use client'

import { type FormEvent, useState } from 'react'
import { useValue } from 'tldraw'
import { getCategory } from '@/lib/frameworks/frameworkCatalog'
import { categoryName, OTHER_CATEGORY_ID } from '@/lib/frameworks/otherCategory'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { RISK_LEVELS } from '@/lib/risk/riskScore'
import { THREAT_STATUSES, type ThreatStatus } from '@/lib/risk/threatStatus'
import { effectiveRating } from '@/lib/session/effectiveRating'
import { THREAT_DESCRIPTION_MAX, THREAT_TITLE_MAX } from '@/lib/session/records/threatRecord'
import { isValidDraft, type ThreatDraft, validateThreatDraft } from '@/lib/session/threatDraft'
import { lengthHint } from '../common/Field'
import { LEVEL_HINT } from '../common/LevelPicker'
import { RiskChip } from '../common/RiskChip'
import { SelectField } from '../common/SelectField'
import { TextField } from '../common/TextField'
import { useSession } from '../SessionContext'
import { ThreatTriageFields } from './ThreatTriageFields'

/** The draft's free-text fields, each edited in a TextField. */
type TextKey = 'title' | 'description'

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
	const { model } = useSession()
	const scopeItems = useValue(model.scopeItems)
	const [draft, setDraft] = useState(initial)
	const [tried, setTried] = useState(false)
	const errors = validateThreatDraft(draft)
	const shown = tried ? errors : {}
	const set = <K extends keyof ThreatDraft>(key: K, value: ThreatDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))
	// A typed field's test id, value, change and (once submitted) error follow from its key; a limit
	// given here is also counted in its hint as the text nears it.
	const textField = (key: TextKey, countedMax?: number) => ({
		testId: `panel.threat.form.${key}`,
		value: draft[key],
		onChange: (value: string) => set(key, value),
		error: shown[key],
		maxLength: countedMax,
		hint: countedMax === undefined ? undefined : lengthHint(draft[key], countedMax),
	})
	const toggleCategory = (id: string, on: boolean) => set('categories', on ? [...draft.categories, id] : draft.categories.filter((category) => category !== id))
	// "Other" is always offered, for a threat no category fits. A category the element no longer
	// has (its kind changed) stays visible so it can be unticked.
	const listed = [...categories, OTHER_CATEGORY_ID]
	const offered = [...listed, ...draft.categories.filter((id) => !listed.includes(id))]

	const submit = (event: FormEvent) => {
		event.preventDefault()
		setTried(true)
		if (isValidDraft(errors)) onSubmit(draft)
	}

	return (
		<form className="tr-form tr-threat-form" onSubmit={submit} aria-label="Threat" noValidate data-testid="panel.threat.form">
			<TextField label="Title" {...textField('title', THREAT_TITLE_MAX)} autoFocus />
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
						{categoryName(framework, id)}
					</label>
				))}
				{shown.categories && (
					<span id="threat-categories-error" className="tr-field__error">
						{shown.categories}
					</span>
				)}
			</fieldset>
			<TextField label="Description" {...textField('description', THREAT_DESCRIPTION_MAX)} rows={3} />
			<div className="tr-form__row tr-form__row--rating">
				{(['likelihood', 'impact'] as const).map((key) => (
					<SelectField
						key={key}
						label={key === 'likelihood' ? 'Likelihood' : 'Impact'}
						testId={`panel.threat.form.${key}`}
						value={draft[key]}
						onChange={(value) => set(key, Number(value))}
						options={RISK_LEVELS}
						optionLabel={(level) => `${level} · ${LEVEL_HINT[level]}`}
						error={shown[key]}
					/>
				))}
				<div className="tr-form__risk" aria-live="polite">
					<span className="tr-field__label">Risk</span>
					<RiskChip rating={effectiveRating({ ...draft, agreedLikelihood: null, agreedImpact: null })} />
				</div>
			</div>
			<div className="tr-form__row">
				<SelectField
					label="Status"
					testId="panel.threat.form.status"
					value={draft.status}
					onChange={(value) => set('status', statusOf(value))}
					options={THREAT_STATUSES}
					error={shown.status}
				/>
			</div>
			<ThreatTriageFields draft={draft} errors={shown} set={set} scopeItems={scopeItems} />
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
