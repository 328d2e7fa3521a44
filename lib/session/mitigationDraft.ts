import {
	MITIGATION_KINDS,
	MITIGATION_OWNER_MAX,
	MITIGATION_STATUSES,
	MITIGATION_TEXT_MAX,
	MITIGATION_TITLE_MAX,
	type MitigationKind,
	type MitigationRecord,
	type MitigationStatus,
} from './records/mitigationRecord'
import { isCalendarDate, isHttpUrl } from './threatDraft'

/** What the mitigation form edits: the fields a person types, before the room stamps the rest. */
export interface MitigationDraft {
	title: string
	description: string
	kind: MitigationKind
	status: MitigationStatus
	owner: string
	dueDate: string
	acceptanceCriteria: string
	verification: string
	issueUrl: string
}

export type MitigationDraftErrors = Partial<Record<keyof MitigationDraft, string>>

export function emptyMitigationDraft(): MitigationDraft {
	return { title: '', description: '', kind: 'design', status: 'planned', owner: '', dueDate: '', acceptanceCriteria: '', verification: '', issueUrl: '' }
}

export function draftFromMitigation(mitigation: MitigationRecord): MitigationDraft {
	const { title, description, kind, status, owner, dueDate, acceptanceCriteria, verification, issueUrl } = mitigation
	return { title, description, kind, status, owner, dueDate, acceptanceCriteria, verification, issueUrl }
}

/** The limits the room's validator applies (records/mitigationRecord.ts), so the form says it first. */
export function validateMitigationDraft(draft: MitigationDraft): MitigationDraftErrors {
	const errors: MitigationDraftErrors = {}
	const title = draft.title.trim()
	if (title === '') errors.title = 'Say what will be done'
	else if (title.length > MITIGATION_TITLE_MAX) errors.title = `At most ${MITIGATION_TITLE_MAX} characters`
	for (const key of ['description', 'acceptanceCriteria', 'verification'] as const) {
		if (draft[key].length > MITIGATION_TEXT_MAX) errors[key] = `At most ${MITIGATION_TEXT_MAX} characters`
	}
	if (draft.owner.length > MITIGATION_OWNER_MAX) errors.owner = `At most ${MITIGATION_OWNER_MAX} characters`
	if (!MITIGATION_KINDS.includes(draft.kind)) errors.kind = 'Pick a type'
	if (!MITIGATION_STATUSES.includes(draft.status)) errors.status = 'Pick a status'
	if (draft.dueDate !== '' && !isCalendarDate(draft.dueDate)) errors.dueDate = 'Use a date like 2025-03-31'
	const url = draft.issueUrl.trim()
	if (url !== '' && !isHttpUrl(url)) errors.issueUrl = 'Use an http:// or https:// link'
	return errors
}

/** The draft as stored: trimmed where whitespace carries no meaning. */
export function normalisedMitigationDraft(draft: MitigationDraft): MitigationDraft {
	return { ...draft, title: draft.title.trim(), owner: draft.owner.trim(), issueUrl: draft.issueUrl.trim() }
}
