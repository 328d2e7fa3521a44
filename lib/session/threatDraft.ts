import { URL_MAX } from '../recordFields/recordValidators'
import { isRiskLevel } from '../risk/riskScore'
import { parseCvss31 } from '../risk/cvss31'
import { PRIORITIES, type Priority } from '../risk/threatPriority'
import { SEVERITIES, type Severity, THREAT_STATUSES, type ThreatStatus } from '../risk/threatStatus'
import type { ScopeItemId } from './records/scopeItemRecord'
import {
	defaultThreatTriage,
	THREAT_CATEGORIES_MAX,
	THREAT_DESCRIPTION_MAX,
	THREAT_SCOPE_LINKS_MAX,
	THREAT_TITLE_MAX,
	type ThreatRecord,
	type ThreatTriage,
} from './records/threatRecord'

/** What the threat form edits: the fields a person types, before the room stamps the rest. */
export interface ThreatDraft {
	title: string
	description: string
	categories: string[]
	likelihood: number
	impact: number
	status: ThreatStatus
	severity: Severity
	/** As typed; '' for none. */
	cvssVector: string
	priority: Priority | null
	includeInReport: boolean
	assetIds: ScopeItemId[]
	agentIds: ScopeItemId[]
}

/** The draft's fields as the record stores them. */
export type ThreatDraftFields = Omit<ThreatDraft, 'cvssVector'> & Pick<ThreatTriage, 'cvssVector'>

export type ThreatDraftErrors = Partial<Record<keyof ThreatDraft, string>>

/** Middle of the scale: the author's first guess, refined by the vote. */
const DEFAULT_LEVEL = 3

export function emptyThreatDraft(categories: readonly string[] = []): ThreatDraft {
	return {
		title: '',
		description: '',
		categories: [...categories],
		likelihood: DEFAULT_LEVEL,
		impact: DEFAULT_LEVEL,
		status: 'Open',
		...defaultThreatTriage(),
		cvssVector: '',
	}
}

export function draftFromThreat(threat: ThreatRecord): ThreatDraft {
	const { title, description, categories, likelihood, impact, status, severity, cvssVector, priority, includeInReport, assetIds, agentIds } = threat
	return {
		title,
		description,
		categories: [...categories],
		likelihood,
		impact,
		status,
		severity,
		cvssVector: cvssVector ?? '',
		priority,
		includeInReport,
		assetIds: [...assetIds],
		agentIds: [...agentIds],
	}
}

/** The limits the room's validators apply (records/threatRecord.ts), so the form says it first. */
export function validateThreatDraft(draft: ThreatDraft): ThreatDraftErrors {
	const errors: ThreatDraftErrors = {}
	const title = draft.title.trim()
	if (title === '') errors.title = 'Give the threat a title'
	else if (title.length > THREAT_TITLE_MAX) errors.title = `At most ${THREAT_TITLE_MAX} characters`
	if (draft.description.length > THREAT_DESCRIPTION_MAX) errors.description = `At most ${THREAT_DESCRIPTION_MAX} characters`
	if (draft.categories.length === 0) errors.categories = 'Pick at least one category'
	else if (draft.categories.length > THREAT_CATEGORIES_MAX) errors.categories = `At most ${THREAT_CATEGORIES_MAX} categories`
	if (!isRiskLevel(draft.likelihood)) errors.likelihood = 'Pick a likelihood from 1 to 5'
	if (!isRiskLevel(draft.impact)) errors.impact = 'Pick an impact from 1 to 5'
	if (!THREAT_STATUSES.includes(draft.status)) errors.status = 'Pick a status'
	if (!SEVERITIES.includes(draft.severity)) errors.severity = 'Pick a severity'
	if (draft.priority !== null && !PRIORITIES.includes(draft.priority)) errors.priority = 'Pick a priority'
	if (draft.cvssVector.trim() !== '') {
		const cvss = parseCvss31(draft.cvssVector)
		if (!cvss.ok) errors.cvssVector = cvss.error
	}
	if (draft.assetIds.length > THREAT_SCOPE_LINKS_MAX) errors.assetIds = `At most ${THREAT_SCOPE_LINKS_MAX} assets`
	if (draft.agentIds.length > THREAT_SCOPE_LINKS_MAX) errors.agentIds = `At most ${THREAT_SCOPE_LINKS_MAX} threat agents`
	return errors
}

export function isValidDraft(errors: ThreatDraftErrors): boolean {
	return Object.keys(errors).length === 0
}

export function isCalendarDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
}

/** Only links that open a page: a `javascript:` or `data:` link in a shared board would run for others. */
export function isHttpUrl(value: string): boolean {
	if (value.length > URL_MAX) return false
	try {
		const url = new URL(value)
		return url.protocol === 'http:' || url.protocol === 'https:'
	} catch {
		return false
	}
}

/** The draft as stored: trimmed where whitespace carries no meaning, no vector as null. */
export function normalisedDraft(draft: ThreatDraft): ThreatDraftFields {
	const vector = draft.cvssVector.trim()
	return { ...draft, title: draft.title.trim(), cvssVector: vector === '' ? null : vector }
}
