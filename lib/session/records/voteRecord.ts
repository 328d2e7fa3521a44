import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, riskLevelValidator, timestampValidator } from '../../recordFields/recordValidators'
import { idBody, recordIdValidator } from './recordIds'
import type { ThreatId } from './threatRecord'

export const VOTE_TYPE = 'vote'

export type VoteId = RecordId<VoteRecord>

/** One person's likelihood and impact for one threat; its id is derived, so a new vote replaces the old. */
export interface VoteRecord extends BaseRecord<typeof VOTE_TYPE, VoteId> {
	threatId: ThreatId
	voterId: string
	voterName: string
	likelihood: number
	impact: number
	votedAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[VOTE_TYPE]: VoteRecord
	}
}

export function voteIdFor(threatId: ThreatId, voterId: string): VoteId {
	return `${VOTE_TYPE}:${idBody(threatId)}~${voterId}` as VoteId
}

export const voteRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<VoteRecord>({
		id: recordIdValidator<VoteId>(VOTE_TYPE),
		typeName: T.literal(VOTE_TYPE),
		threatId: recordIdValidator<ThreatId>('threat'),
		voterId: boundedString(64, { min: 1 }),
		voterName: boundedString(64),
		likelihood: riskLevelValidator,
		impact: riskLevelValidator,
		votedAt: timestampValidator,
	}),
}
