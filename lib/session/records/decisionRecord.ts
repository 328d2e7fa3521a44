import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, optionalDateValidator, optionalHttpUrlValidator, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'
import type { ThreatId } from './threatRecord'

export const DECISION_TYPE = 'decision'

/** What the product owner does with a risk. */
export const DECISION_KINDS = ['mitigate', 'accept', 'defer', 'transfer'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

export const DECISION_TEXT_MAX = 1024
export const DECISION_NAME_MAX = 128

export type DecisionId = RecordId<DecisionRecord>

/**
 * One decision on one threat. Decisions are append-only: changing one adds a new record, so the
 * threat's history shows who decided what and when (non-repudiation for our own users). The latest
 * by `decidedAt` is in force.
 */
export interface DecisionRecord extends BaseRecord<typeof DECISION_TYPE, DecisionId> {
	threatId: ThreatId
	kind: DecisionKind
	/** Why: required to accept, defer or transfer. */
	rationale: string
	/** mitigate: what will be done, by whom, by when, tracked where. */
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
	/** accept: when to look at the accepted risk again. */
	reviewDate: string
	/** defer: until when. */
	deferUntil: string
	/** transfer: to whom (a vendor contract, insurance…). */
	transferTo: string
	/** Set when the facilitator records a decision for a product owner who is not in the room. */
	onBehalfOf: string
	decidedBy: string
	decidedByName: string
	decidedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[DECISION_TYPE]: DecisionRecord
	}
}

export const decisionRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<DecisionRecord>({
		id: recordIdValidator<DecisionId>(DECISION_TYPE),
		typeName: T.literal(DECISION_TYPE),
		threatId: recordIdValidator<ThreatId>('threat'),
		kind: T.literalEnum(...DECISION_KINDS),
		rationale: boundedString(DECISION_TEXT_MAX),
		mitigation: boundedString(DECISION_TEXT_MAX),
		owner: boundedString(DECISION_NAME_MAX),
		dueDate: optionalDateValidator,
		issueUrl: optionalHttpUrlValidator,
		reviewDate: optionalDateValidator,
		deferUntil: optionalDateValidator,
		transferTo: boundedString(DECISION_NAME_MAX),
		onBehalfOf: boundedString(DECISION_NAME_MAX),
		decidedBy: boundedString(64),
		decidedByName: boundedString(64),
		decidedAt: timestampValidator,
	}),
}
