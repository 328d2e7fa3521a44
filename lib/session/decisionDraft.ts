import type { RecordId } from '@tldraw/store'
import { uniqueId } from '@tldraw/utils'
import { DECISION_NAME_MAX, DECISION_TEXT_MAX, DECISION_TYPE, type DecisionKind, type DecisionRecord } from './records/decisionRecord'
import type { ThreatId } from './records/threatRecord'
import { DECISION_REQUIRED_FIELDS, type DecisionDetailField, normalisedDecision } from './decisions'
import { isHttpUrl } from './threatDraft'

/** What the decide form edits: every kind's fields, so switching kinds keeps what was typed. */
export interface DecisionDraft {
	kind: DecisionKind
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
	rationale: string
	reviewDate: string
	deferUntil: string
	transferTo: string
	onBehalfOf: string
}

export type DecisionField = Exclude<keyof DecisionDraft, 'kind'>
export type DecisionDraftErrors = Partial<Record<DecisionField, string>>

/**
 * The fields each kind's form shows, required ones first: the room's rules (decisions.ts) plus the
 * one optional field, a mitigation's issue link.
 */
export const DECISION_FORM_FIELDS: Record<DecisionKind, { required: readonly DecisionDetailField[]; optional: readonly DecisionDetailField[] }> = {
	mitigate: { required: DECISION_REQUIRED_FIELDS.mitigate, optional: ['issueUrl'] },
	accept: { required: DECISION_REQUIRED_FIELDS.accept, optional: [] },
	defer: { required: DECISION_REQUIRED_FIELDS.defer, optional: [] },
	transfer: { required: DECISION_REQUIRED_FIELDS.transfer, optional: [] },
}

const DATE_FIELDS: ReadonlySet<DecisionField> = new Set(['dueDate', 'reviewDate', 'deferUntil'])
const NAME_FIELDS: ReadonlySet<DecisionField> = new Set(['owner', 'transferTo', 'onBehalfOf'])

const DECISION_DRAFT_FIELDS: readonly DecisionField[] = [
	'mitigation',
	'owner',
	'dueDate',
	'issueUrl',
	'rationale',
	'reviewDate',
	'deferUntil',
	'transferTo',
	'onBehalfOf',
]

const MISSING: Record<DecisionField, string> = {
	mitigation: 'Say what will be done',
	owner: 'Name who owns the fix',
	dueDate: 'Pick a due date',
	issueUrl: '',
	rationale: 'Give the reason',
	reviewDate: 'Pick when to review it',
	deferUntil: 'Pick a date to come back to it',
	transferTo: 'Name who takes the risk on',
	onBehalfOf: 'Name the product owner you record this for',
}

export function emptyDecisionDraft(kind: DecisionKind): DecisionDraft {
	return {
		kind,
		mitigation: '',
		owner: '',
		dueDate: '',
		issueUrl: '',
		rationale: '',
		reviewDate: '',
		deferUntil: '',
		transferTo: '',
		onBehalfOf: '',
	}
}

type DecisionValues = Pick<DecisionRecord, DecisionField | 'kind'>

/**
 * A fresh draft of `kind`, starting from the decision in force where it says something that still
 * applies: changing "defer" to "accept" keeps the reason, re-opening "mitigate" keeps the plan.
 * Never the "on behalf of": each recording names who it is for.
 */
export function draftForKind(kind: DecisionKind, current: DecisionValues | null): DecisionDraft {
	const draft = emptyDecisionDraft(kind)
	if (!current) return draft
	for (const field of [...DECISION_FORM_FIELDS[kind].required, ...DECISION_FORM_FIELDS[kind].optional]) draft[field] = current[field]
	return draft
}

/**
 * The draft after picking `kind`: what was typed so far stays (switching from defer to accept keeps
 * the reason), and fields still empty start from the decision in force.
 */
export function switchKind(draft: DecisionDraft | null, kind: DecisionKind, current: DecisionValues | null): DecisionDraft {
	const next = draftForKind(kind, current)
	if (!draft) return next
	for (const field of DECISION_DRAFT_FIELDS) if (draft[field].trim() !== '') next[field] = draft[field]
	return next
}

export interface DecisionRules {
	/** The facilitator decides only for a named product owner. */
	needsOnBehalfOf: boolean
}

function isCalendarDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
}

/** The room's rules and limits (records/decisionRecord.ts), so the form says it before the room refuses. */
export function validateDecisionDraft(draft: DecisionDraft, { needsOnBehalfOf }: DecisionRules): DecisionDraftErrors {
	const errors: DecisionDraftErrors = {}
	const { optional } = DECISION_FORM_FIELDS[draft.kind]
	const required: readonly DecisionField[] = DECISION_FORM_FIELDS[draft.kind].required
	const fields: DecisionField[] = [...required, ...optional, ...(needsOnBehalfOf ? (['onBehalfOf'] as const) : [])]
	for (const field of fields) {
		const value = draft[field].trim()
		const isRequired = field === 'onBehalfOf' || required.includes(field)
		if (value === '') {
			if (isRequired) errors[field] = MISSING[field]
		} else if (DATE_FIELDS.has(field)) {
			if (!isCalendarDate(value)) errors[field] = 'Use a date like 2025-03-31'
		} else if (field === 'issueUrl') {
			if (!isHttpUrl(value)) errors[field] = 'Use an http:// or https:// link'
		} else {
			const max = NAME_FIELDS.has(field) ? DECISION_NAME_MAX : DECISION_TEXT_MAX
			if (value.length > max) errors[field] = `At most ${max} characters`
		}
	}
	return errors
}

export function isValidDecisionDraft(errors: DecisionDraftErrors): boolean {
	return Object.keys(errors).length === 0
}

/** What a recording stores: the room's normalisation, and "on behalf of" only from the facilitator. */
function recordedFields(draft: DecisionDraft, needsOnBehalfOf: boolean): DecisionDraft {
	return normalisedDecision({ ...draft, onBehalfOf: needsOnBehalfOf ? draft.onBehalfOf : '' })
}

/** True when recording the draft would only repeat the decision in force. */
export function repeatsDecision(draft: DecisionDraft, current: DecisionValues | null, rules: DecisionRules): boolean {
	if (!current || current.kind !== draft.kind) return false
	const recorded = recordedFields(draft, rules.needsOnBehalfOf)
	return DECISION_DRAFT_FIELDS.every((field) => recorded[field] === current[field])
}

/**
 * A new entry in the threat's history. Decisions are append-only, so every recording is a new
 * record; the room stamps who decided and when (sent as placeholders), and `decidedAt` carries the
 * browser's estimate of the room's clock until then, so the history orders it at once.
 */
export function decisionRecordFromDraft(
	threatId: ThreatId,
	draft: DecisionDraft,
	{ estimatedAt, needsOnBehalfOf, newId = uniqueId }: { estimatedAt: number; needsOnBehalfOf: boolean; newId?: () => string },
): DecisionRecord {
	return {
		id: `${DECISION_TYPE}:${newId()}` as RecordId<DecisionRecord>,
		typeName: DECISION_TYPE,
		threatId,
		...recordedFields(draft, needsOnBehalfOf),
		decidedBy: '',
		decidedByName: '',
		decidedAt: estimatedAt,
	}
}
