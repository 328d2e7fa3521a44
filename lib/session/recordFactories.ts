import type { RecordId } from '@tldraw/store'
import type { TLShapeId } from '@tldraw/tlschema'
import { uniqueId } from '@tldraw/utils'
import type { ThreatSuggestion } from '../analysis/suggestions'
import { MITIGATION_TYPE, type MitigationId, type MitigationRecord } from './records/mitigationRecord'
import { NA_MARK_TYPE, type NaMarkRecord, naMarkIdFor } from './records/naMarkRecord'
import { SCOPE_ITEM_TYPE, type ScopeItemKind, type ScopeItemRecord } from './records/scopeItemRecord'
import { THREAT_TYPE, type ThreatId, type ThreatRecord } from './records/threatRecord'
import { VOTE_TYPE, type VoteRecord, voteIdFor } from './records/voteRecord'
import {
	DEFAULT_PHASE_MINUTES,
	PHASE_EVENT_TYPE,
	type Phase,
	type PhaseEventRecord,
	TIMER_EVENT_TYPE,
	type TimerAction,
	type TimerEventRecord,
	WALK_ID,
	WALK_TYPE,
	type WalkRecord,
} from './records/walkRecords'
import { type MitigationDraft, normalisedMitigationDraft } from './mitigationDraft'
import { emptyThreatDraft, normalisedDraft, type ThreatDraft } from './threatDraft'

// The records the panel writes. Fields the room stamps on create (IDs, authors, times) are sent
// as placeholders: the room overwrites them whatever they hold (authorizeSessionRecords.ts).

type NewId = () => string
const randomId: NewId = () => uniqueId()

export function newThreatRecord(
	/** null for a model-level threat. */
	shapeId: TLShapeId | null,
	draft: ThreatDraft,
	{ sourceRuleId = null, newId = randomId }: { sourceRuleId?: string | null; newId?: NewId } = {},
): ThreatRecord {
	return {
		...normalisedDraft(draft),
		id: `${THREAT_TYPE}:${newId()}` as ThreatId,
		typeName: THREAT_TYPE,
		humanId: '',
		shapeId,
		agreedLikelihood: null,
		agreedImpact: null,
		sourceRuleId,
		createdBy: '',
		createdByName: '',
		createdAt: 0,
		isDeleted: false,
	}
}

/** An edit keeps everything the form does not show: stamps, agreed values, the source rule. */
export function threatWithDraft(threat: ThreatRecord, draft: ThreatDraft): ThreatRecord {
	return { ...threat, ...normalisedDraft(draft) }
}

/** A suggestion, adopted as it stands; the author edits it like any other threat afterwards. */
export function draftFromSuggestion(suggestion: ThreatSuggestion): ThreatDraft {
	return {
		...emptyThreatDraft(suggestion.categories),
		title: suggestion.title,
		description: suggestion.description,
		likelihood: suggestion.likelihood,
		impact: suggestion.impact,
	}
}

/** A mitigation treating the given threats; the room numbers it (M-001…) and stamps its author. */
export function newMitigationRecord(threatIds: readonly ThreatId[], draft: MitigationDraft, newId: NewId = randomId): MitigationRecord {
	return {
		...normalisedMitigationDraft(draft),
		id: `${MITIGATION_TYPE}:${newId()}` as MitigationId,
		typeName: MITIGATION_TYPE,
		humanId: '',
		threatIds: [...threatIds],
		createdBy: '',
		createdByName: '',
		createdAt: 0,
	}
}

/** An edit keeps the stamps and the links. */
export function mitigationWithDraft(mitigation: MitigationRecord, draft: MitigationDraft): MitigationRecord {
	return { ...mitigation, ...normalisedMitigationDraft(draft) }
}

/** Links a threat to the mitigation, or unlinks it; the order of the others is kept. */
export function mitigationLinked(mitigation: MitigationRecord, threatId: ThreatId, linked: boolean): MitigationRecord {
	const others = mitigation.threatIds.filter((id) => id !== threatId)
	return { ...mitigation, threatIds: linked ? [...others, threatId] : others }
}

/** The voter's one vote on the threat: the id is derived, so voting again replaces it. */
export function voteRecord(threatId: ThreatId, userId: string, likelihood: number, impact: number): VoteRecord {
	return {
		id: voteIdFor(threatId, userId),
		typeName: VOTE_TYPE,
		threatId,
		voterId: userId,
		voterName: '',
		likelihood,
		impact,
		votedAt: 0,
	}
}

export function naMarkRecord(shapeId: TLShapeId, category: string, reason: string): NaMarkRecord {
	return {
		id: naMarkIdFor(shapeId, category),
		typeName: NA_MARK_TYPE,
		shapeId,
		category,
		reason: reason.trim(),
		markedBy: '',
		markedByName: '',
		markedAt: 0,
	}
}

export interface ScopeItemFields {
	title: string
	description: string
	confidentiality: ScopeItemRecord['confidentiality']
	integrity: ScopeItemRecord['integrity']
	availability: ScopeItemRecord['availability']
	inScope: boolean
}

/** Only assets carry C/I/A needs and only threat agents can be out of scope; other kinds drop them. */
function fieldsForKind(kind: ScopeItemKind, fields: ScopeItemFields): ScopeItemFields {
	const isAsset = kind === 'asset'
	return {
		title: fields.title.trim(),
		description: fields.description.trim(),
		confidentiality: isAsset ? fields.confidentiality : null,
		integrity: isAsset ? fields.integrity : null,
		availability: isAsset ? fields.availability : null,
		inScope: kind === 'threatAgent' ? fields.inScope : true,
	}
}

export function newScopeItemRecord(kind: ScopeItemKind, fields: ScopeItemFields, newId: NewId = randomId): ScopeItemRecord {
	return {
		id: `${SCOPE_ITEM_TYPE}:${newId()}` as RecordId<ScopeItemRecord>,
		typeName: SCOPE_ITEM_TYPE,
		kind,
		humanId: '',
		createdAt: 0,
		...fieldsForKind(kind, fields),
	}
}

export function scopeItemWithFields(item: ScopeItemRecord, fields: ScopeItemFields): ScopeItemRecord {
	return { ...item, ...fieldsForKind(item.kind, fields) }
}

/**
 * Events carry the browser's estimate of the room's time until the room's own stamp replaces
 * it, so the agenda reacts at once instead of after the round trip.
 */
export function phaseEventRecord(phase: Phase, estimatedAt: number, newId: NewId = randomId): PhaseEventRecord {
	return {
		id: `${PHASE_EVENT_TYPE}:${newId()}` as RecordId<PhaseEventRecord>,
		typeName: PHASE_EVENT_TYPE,
		phase,
		at: estimatedAt,
		by: '',
		byName: '',
	}
}

export function timerEventRecord(
	phase: Phase,
	action: TimerAction,
	estimatedAt: number,
	{ amountMs = 0, newId = randomId }: { amountMs?: number; newId?: NewId } = {},
): TimerEventRecord {
	return {
		id: `${TIMER_EVENT_TYPE}:${newId()}` as RecordId<TimerEventRecord>,
		typeName: TIMER_EVENT_TYPE,
		phase,
		action,
		amountMs: action === 'extend' ? amountMs : 0,
		at: estimatedAt,
		by: '',
		byName: '',
	}
}

/** The walk's settings; until the facilitator first changes one, there is no record and these hold. */
export function walkSettings(walk: WalkRecord | undefined): WalkRecord {
	return (
		walk ?? {
			id: WALK_ID,
			typeName: WALK_TYPE,
			focusShapeId: null,
			phaseMinutes: { ...DEFAULT_PHASE_MINUTES },
		}
	)
}

export function walkWithFocus(walk: WalkRecord | undefined, focusShapeId: TLShapeId | null): WalkRecord {
	return { ...walkSettings(walk), focusShapeId }
}

export function walkWithMinutes(walk: WalkRecord | undefined, phase: Phase, minutes: number): WalkRecord {
	const settings = walkSettings(walk)
	return { ...settings, phaseMinutes: { ...settings.phaseMinutes, [phase]: minutes } }
}
