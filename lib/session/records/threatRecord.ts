import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { isCvss31Vector } from '../../risk/cvss31'
import { PRIORITIES, type Priority } from '../../risk/threatPriority'
import { SEVERITIES, THREAT_STATUSES, type Severity, type ThreatStatus } from '../../risk/threatStatus'
import { boundedString, riskLevelValidator, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator, shapeIdValidator } from './recordIds'
import { SCOPE_ITEM_TYPE, type ScopeItemId } from './scopeItemRecord'

export const THREAT_TYPE = 'threat'
export const THREAT_TITLE_MAX = 100
export const THREAT_DESCRIPTION_MAX = 500
export const THREAT_CATEGORIES_MAX = 8
/** Assets, and likewise threat agents, one threat names: far more than a threat is about. */
export const THREAT_SCOPE_LINKS_MAX = 32

export type ThreatId = RecordId<ThreatRecord>

/**
 * A threat found on one DFD element, or on the model as a whole (shapeId null). What is done about it lives in mitigation records
 * (mitigationRecord.ts), moved there from this record by threatMitigationsMigration.ts. Server-stamped fields (humanId, createdBy*, createdAt) are
 * set by the room on create whatever the client sent. Deletion is a flag, so the author can undo
 * it and the audit trail keeps what was said.
 */
export interface ThreatRecord extends BaseRecord<typeof THREAT_TYPE, ThreatId> {
	/** T-001…, stamped by the room. */
	humanId: string
	/** The element it is found on; null for a model-level threat (no one element). */
	shapeId: TLShapeId | null
	/** Category ids of the session's framework, e.g. ['S', 'T'] for STRIDE, or 'other' (otherCategory.ts). */
	categories: string[]
	title: string
	description: string
	/** The author's rating; votes and the agreed values refine it. */
	likelihood: number
	impact: number
	/** Set by the facilitator (by default the median of the votes); null until agreed. */
	agreedLikelihood: number | null
	agreedImpact: number | null
	/** Hand-set; a threat's mitigations (mitigation records naming it) show their own progress beside it. */
	status: ThreatStatus
	/** Triage severity, set by hand; 'Unknown' until someone judges it (the risk band is separate). */
	severity: Severity
	/** A CVSS 3.1 vector; its base score is always computed from it (lib/risk/cvss31.ts). */
	cvssVector: string | null
	/** Set by hand; null means the priority of the risk band (lib/risk/threatPriority.ts). */
	priority: Priority | null
	/** False leaves it out of the Markdown/HTML report; the JSON and CSV keep it, flagged. */
	includeInReport: boolean
	/** Scope items of kind asset it threatens; an id whose item is gone is ignored by every view. */
	assetIds: ScopeItemId[]
	/** Scope items of kind threat agent who would carry it out; likewise. */
	agentIds: ScopeItemId[]
	/** The suggestion rule it was adopted from, if any. */
	sourceRuleId: string | null
	createdBy: string
	createdByName: string
	createdAt: number
	isDeleted: boolean
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[THREAT_TYPE]: ThreatRecord
	}
}

const categoryIdValidator = boundedString(32, { min: 1 })

function scopeLinksValidator(what: string): T.Validator<ScopeItemId[]> {
	return T.arrayOf(recordIdValidator<ScopeItemId>(SCOPE_ITEM_TYPE)).check((value) => {
		if (value.length > THREAT_SCOPE_LINKS_MAX) throw new T.ValidationError(`Expected at most ${THREAT_SCOPE_LINKS_MAX} ${what}`)
		if (new Set(value).size !== value.length) throw new T.ValidationError(`Expected each of the ${what} once`)
	})
}

export const threatRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<ThreatRecord>({
		id: recordIdValidator<ThreatId>(THREAT_TYPE),
		typeName: T.literal(THREAT_TYPE),
		humanId: T.string.check((value) => {
			if (value !== '' && !/^T-\d{3,7}$/.test(value)) throw new T.ValidationError(`Expected a threat ID such as T-001`)
		}),
		shapeId: shapeIdValidator.nullable(),
		categories: T.arrayOf(categoryIdValidator).check((value) => {
			if (value.length < 1 || value.length > THREAT_CATEGORIES_MAX) {
				throw new T.ValidationError(`Expected 1 to ${THREAT_CATEGORIES_MAX} categories`)
			}
		}),
		title: boundedString(THREAT_TITLE_MAX, { min: 1 }),
		description: boundedString(THREAT_DESCRIPTION_MAX),
		likelihood: riskLevelValidator,
		impact: riskLevelValidator,
		agreedLikelihood: riskLevelValidator.nullable(),
		agreedImpact: riskLevelValidator.nullable(),
		status: T.literalEnum(...THREAT_STATUSES),
		severity: T.literalEnum(...SEVERITIES),
		cvssVector: T.string
			.check((value) => {
				if (!isCvss31Vector(value) || value !== value.trim()) throw new T.ValidationError('Expected a CVSS 3.1 vector such as CVSS:3.1/AV:N/AC:L/…')
			})
			.nullable(),
		priority: T.literalEnum(...PRIORITIES).nullable(),
		includeInReport: T.boolean,
		assetIds: scopeLinksValidator('assets'),
		agentIds: scopeLinksValidator('threat agents'),
		sourceRuleId: boundedString(64).nullable(),
		createdBy: boundedString(64),
		createdByName: boundedString(64),
		createdAt: timestampValidator,
		isDeleted: T.boolean,
	}),
}

export type ThreatTriage = Pick<ThreatRecord, 'severity' | 'cvssVector' | 'priority' | 'includeInReport' | 'assetIds' | 'agentIds'>

/** A new threat's triage: not yet judged, the band's priority, in the report, linked to nothing. */
export function defaultThreatTriage(): ThreatTriage {
	return { severity: 'Unknown', cvssVector: null, priority: null, includeInReport: true, assetIds: [], agentIds: [] }
}
