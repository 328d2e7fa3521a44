'use client'

import { type FormEvent, useRef, useState } from 'react'
import type { Person } from '@/lib/protocol/customMessages'
import {
	DECISION_FORM_FIELDS,
	type DecisionDraft,
	type DecisionField,
	isValidDecisionDraft,
	repeatsDecision,
	switchKind,
	validateDecisionDraft,
} from '@/lib/session/decisionDraft'
import { DECISION_CHOICE_LABEL } from '@/lib/session/decisionText'
import { DECISION_KINDS, type DecisionKind, type DecisionRecord } from '@/lib/session/records/decisionRecord'
import { DecisionFieldInput } from './DecisionFields'

/** What each choice means, under its button. */
const KIND_HINT: Record<DecisionKind, string> = {
	mitigate: 'Fix it: what, who, by when',
	accept: 'Live with it, and say why',
	defer: 'Decide later, by a date',
	transfer: 'Someone else carries it',
}

/** When the facilitator records a decision, say whether the product owner could make it themself. */
function FacilitatorNote({ productOwners }: { productOwners: readonly Person[] }) {
	const names = productOwners.map((person) => person.name).join(', ')
	return (
		<p className="tr-note" data-testid="decide.onBehalfNote">
			{productOwners.length > 0
				? `${names} (product owner) ${productOwners.length === 1 ? 'is' : 'are'} here: let them decide, or record it on their behalf.`
				: 'No product owner is here: record the decision on behalf of the one who owns this risk.'}
		</p>
	)
}

/**
 * The product owner's (or, on their behalf, the facilitator's) decision on one threat: pick what
 * to do, fill what that choice needs, record. Checked against the room's rules before it is sent;
 * the room's own refusal, should it still come, shows as a toast.
 */
export function DecisionForm({
	tag,
	current,
	onBehalf,
	productOwners,
	onSubmit,
}: {
	/** The threat's ID, for the labels. */
	tag: string
	current: DecisionRecord | null
	/** The facilitator's form, which names the product owner it records for. */
	onBehalf: boolean
	productOwners: readonly Person[]
	onSubmit: (draft: DecisionDraft) => void
}) {
	const [draft, setDraft] = useState<DecisionDraft | null>(null)
	const [tried, setTried] = useState(false)
	const formRef = useRef<HTMLFormElement>(null)
	const rules = { needsOnBehalfOf: onBehalf }
	const errors = draft ? validateDecisionDraft(draft, rules) : {}
	const shown = tried ? errors : {}
	const repeats = draft !== null && repeatsDecision(draft, current, rules)

	const change = (field: DecisionField, value: string) => setDraft((previous) => (previous ? { ...previous, [field]: value } : previous))

	const submit = (event: FormEvent) => {
		event.preventDefault()
		if (!draft) return
		setTried(true)
		if (!isValidDecisionDraft(errors)) {
			// After React has marked the fields, take the person to the first one to fix.
			requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
			return
		}
		if (repeats) return
		onSubmit(draft)
		setDraft(null)
		setTried(false)
	}

	const fields = draft ? DECISION_FORM_FIELDS[draft.kind] : null
	return (
		<form ref={formRef} className="tr-form tr-decide-form" onSubmit={submit} noValidate aria-label={`Decide ${tag}`} data-testid="decide.form">
			{onBehalf && <FacilitatorNote productOwners={productOwners} />}
			<fieldset className="tr-decide-kinds">
				<legend className="tr-field__label">{current ? 'Change the decision' : 'Decide'}</legend>
				{DECISION_KINDS.map((kind) => (
					<button
						key={kind}
						type="button"
						className="tr-decide-kind"
						data-kind={kind}
						data-testid={`decide.kind.${kind}`}
						aria-pressed={draft?.kind === kind}
						onClick={() => setDraft(switchKind(draft, kind, current))}
					>
						<span className="tr-decide-kind__label">{DECISION_CHOICE_LABEL[kind]}</span>
						<span className="tr-decide-kind__hint">{KIND_HINT[kind]}</span>
					</button>
				))}
			</fieldset>
			{draft && fields && (
				<>
					{fields.required.map((field) => (
						<DecisionFieldInput key={field} field={field} draft={draft} errors={shown} onChange={change} />
					))}
					{fields.optional.map((field) => (
						<DecisionFieldInput key={field} field={field} draft={draft} errors={shown} onChange={change} optional />
					))}
					{onBehalf && <DecisionFieldInput field="onBehalfOf" draft={draft} errors={shown} onChange={change} />}
					{repeats && (
						<p className="tr-field__error" role="status">
							This is the decision already in force: change something to record a new one.
						</p>
					)}
					<div className="tr-form__actions">
						<button type="submit" className="tr-button tr-button--small" data-testid="decide.submit" disabled={repeats}>
							{current ? 'Record new decision' : 'Record decision'}
						</button>
						<button
							type="button"
							className="tr-text-button"
							data-testid="decide.cancel"
							onClick={() => {
								setDraft(null)
								setTried(false)
							}}
						>
							Cancel
						</button>
					</div>
				</>
			)}
		</form>
	)
}
