import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { THREAT_STATUSES, type ThreatStatus } from '../../risk/threatStatus'
import { boundedString, riskLevelValidator, timestampValidator } from '../../canvas/recordValidators'
import { recordIdValidator, shapeIdValidator } from './recordIds'

export const THREAT_TYPE = 'threat'
export const THREAT_TITLE_MAX = 100
export const THREAT_DESCRIPTION_MAX = 500
export const THREAT_CATEGORIES_MAX = 8

export type ThreatId = RecordId<ThreatRecord>

/**
 * A threat found on one DFD element. What is done about it lives in mitigation records
 * (mitigationRecord.ts), moved there from this record by threatMitigationsMigration.ts. Server-stamped fields (humanId, createdBy*, createdAt) are
 * set by the room on create whatever the client sent. Deletion is a flag, so the author can undo
 * it and the audit trail keeps what was said.
 */
export interface ThreatRecord extends BaseRecord<typeof THREAT_TYPE, ThreatId> {
	/** T-001…, stamped by the room. */
	humanId: string
	shapeId: TLShapeId
	/** Category ids of the session's framework, e.g. ['S', 'T'] for STRIDE. */
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

export const threatRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<ThreatRecord>({
		id: recordIdValidator<ThreatId>(THREAT_TYPE),
		typeName: T.literal(THREAT_TYPE),
		humanId: T.string.check((value) => {
			if (value !== '' && !/^T-\d{3,7}$/.test(value)) throw new T.ValidationError(`Expected a threat ID such as T-001`)
		}),
		shapeId: shapeIdValidator,
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
		sourceRuleId: boundedString(64).nullable(),
		createdBy: boundedString(64),
		createdByName: boundedString(64),
		createdAt: timestampValidator,
		isDeleted: T.boolean,
	}),
}
