import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, optionalDateValidator, optionalHttpUrlValidator, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'
import type { ThreatId } from './threatRecord'

export const MITIGATION_TYPE = 'mitigation'

/** Design: the system changes. Operational: a process or a control runs. Risk acceptance: a documented decision to live with it. */
export const MITIGATION_KINDS = ['design', 'operational', 'riskAcceptance'] as const
export type MitigationKind = (typeof MITIGATION_KINDS)[number]

/** In lifecycle order; `wontDo` is a decided end, not a delay. */
export const MITIGATION_STATUSES = ['planned', 'inProgress', 'inPlace', 'wontDo'] as const
export type MitigationStatus = (typeof MITIGATION_STATUSES)[number]

export const MITIGATION_KIND_LABEL: Record<MitigationKind, string> = {
	design: 'Design',
	operational: 'Operational',
	riskAcceptance: 'Risk acceptance',
}

export const MITIGATION_STATUS_LABEL: Record<MitigationStatus, string> = {
	planned: 'Planned',
	inProgress: 'In progress',
	inPlace: 'In place',
	wontDo: "Won't do",
}

export const MITIGATION_TITLE_MAX = 200
export const MITIGATION_TEXT_MAX = 1024
export const MITIGATION_OWNER_MAX = 128
/** One mitigation can treat many threats (one WAF rule, one training…), but not a whole board's worth. */
const MITIGATION_THREATS_MAX = 64

export type MitigationId = RecordId<MitigationRecord>

/**
 * What will be done about one or more threats, by whom, by when, and how we will know it works. A
 * plain document record: linking it to a threat is listing the threat's id in `threatIds`, so one
 * mitigation treats many threats and a threat has as many mitigations as name it. Server-stamped
 * fields (humanId, createdBy*, createdAt) are set by the room on create whatever the client sent.
 */
export interface MitigationRecord extends BaseRecord<typeof MITIGATION_TYPE, MitigationId> {
	/** M-001…, stamped by the room. */
	humanId: string
	threatIds: ThreatId[]
	title: string
	/** The detail behind the title: what exactly changes. */
	description: string
	kind: MitigationKind
	status: MitigationStatus
	owner: string
	dueDate: string
	/** What must be true for the mitigation to count as done (the test plan's "expected"). */
	acceptanceCriteria: string
	/** How it is verified: a test, a review, a pen-test finding closed… */
	verification: string
	issueUrl: string
	createdBy: string
	createdByName: string
	createdAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[MITIGATION_TYPE]: MitigationRecord
	}
}

export const mitigationRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<MitigationRecord>({
		id: recordIdValidator<MitigationId>(MITIGATION_TYPE),
		typeName: T.literal(MITIGATION_TYPE),
		humanId: T.string.check((value) => {
			if (value !== '' && !/^M-\d{3,7}$/.test(value)) throw new T.ValidationError('Expected a mitigation ID such as M-001')
		}),
		threatIds: T.arrayOf(recordIdValidator<ThreatId>('threat')).check((value) => {
			if (value.length > MITIGATION_THREATS_MAX) throw new T.ValidationError(`Expected at most ${MITIGATION_THREATS_MAX} threats`)
			if (new Set(value).size !== value.length) throw new T.ValidationError('Expected each threat once')
		}),
		title: boundedString(MITIGATION_TITLE_MAX, { min: 1 }),
		description: boundedString(MITIGATION_TEXT_MAX),
		kind: T.literalEnum(...MITIGATION_KINDS),
		status: T.literalEnum(...MITIGATION_STATUSES),
		owner: boundedString(MITIGATION_OWNER_MAX),
		dueDate: optionalDateValidator,
		acceptanceCriteria: boundedString(MITIGATION_TEXT_MAX),
		verification: boundedString(MITIGATION_TEXT_MAX),
		issueUrl: optionalHttpUrlValidator,
		createdBy: boundedString(64),
		createdByName: boundedString(64),
		createdAt: timestampValidator,
	}),
}
