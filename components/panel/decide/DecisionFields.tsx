'use client'

import type { DecisionDraft, DecisionDraftErrors, DecisionField } from '@/lib/session/decisionDraft'
import { DECISION_NAME_MAX, DECISION_TEXT_MAX, type DecisionKind } from '@/lib/session/records/decisionRecord'
import { lengthHint } from '../common/Field'
import { TextField } from '../common/TextField'

/** A textarea so many rows high, or an input of a type: spread into TextField, which takes both. */
type Control = { rows: number } | { type: 'text' | 'date' | 'url' }

interface FieldSpec {
	label: string | ((kind: DecisionKind) => string)
	control: Control
	placeholder?: string
	hint?: string
	max?: number
}

const TEXTAREA: Control = { rows: 2 }
const TEXT: Control = { type: 'text' }
const DATE: Control = { type: 'date' }

/** How each field reads on the form; the rationale is worded for the choice it justifies. */
const FIELD_SPECS: Record<DecisionField, FieldSpec> = {
	mitigation: { label: 'Mitigation', control: TEXTAREA, placeholder: 'What will be done about it', max: DECISION_TEXT_MAX },
	owner: { label: 'Owner', control: TEXT, placeholder: 'Team or person', max: DECISION_NAME_MAX },
	dueDate: { label: 'Due date', control: DATE },
	issueUrl: { label: 'Issue link', control: { type: 'url' }, placeholder: 'https://' },
	rationale: {
		label: (kind) => (kind === 'defer' ? 'Reason' : 'Rationale'),
		control: TEXTAREA,
		placeholder: 'Why, in words the business signs off on',
		max: DECISION_TEXT_MAX,
	},
	reviewDate: { label: 'Review on', control: DATE, hint: 'When to look at the accepted risk again' },
	deferUntil: { label: 'Defer until', control: DATE },
	transferTo: { label: 'Transfer to', control: TEXT, placeholder: 'Vendor, insurer, other team…', max: DECISION_NAME_MAX },
	onBehalfOf: {
		label: 'On behalf of',
		control: TEXT,
		placeholder: 'Product owner’s name',
		hint: 'The product owner you record this decision for',
		max: DECISION_NAME_MAX,
	},
}

/** One field of the decide form, with the room's limit, its error and test id `decide.field.<name>`. */
export function DecisionFieldInput({
	field,
	draft,
	errors,
	optional = false,
	onChange,
}: {
	field: DecisionField
	draft: DecisionDraft
	errors: DecisionDraftErrors
	optional?: boolean
	onChange: (field: DecisionField, value: string) => void
}) {
	const spec = FIELD_SPECS[field]
	const label = typeof spec.label === 'function' ? spec.label(draft.kind) : spec.label
	const value = draft[field]
	const hint = (spec.max ? lengthHint(value, spec.max) : undefined) ?? spec.hint
	return (
		<TextField
			label={optional ? `${label} (optional)` : label}
			testId={`decide.field.${field}`}
			value={value}
			onChange={(changed) => onChange(field, changed)}
			error={errors[field]}
			hint={hint}
			maxLength={spec.max}
			placeholder={spec.placeholder}
			required={!optional}
			{...spec.control}
		/>
	)
}
