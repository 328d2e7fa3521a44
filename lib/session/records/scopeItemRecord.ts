import type { BaseRecord, RecordId } from '@tldraw/store'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { boundedString, timestampValidator } from '../../recordFields/recordValidators'
import { recordIdValidator } from './recordIds'

export const SCOPE_ITEM_TYPE = 'scope-item'

/** What the group agrees on before drawing: the frame every threat is judged against. */
export const SCOPE_ITEM_KINDS = ['useCase', 'asset', 'threatAgent', 'assumption', 'compliance', 'outOfScope'] as const
export type ScopeItemKind = (typeof SCOPE_ITEM_KINDS)[number]

export const SCOPE_ITEM_PREFIX = {
	useCase: 'UC',
	asset: 'A',
	threatAgent: 'TA',
	assumption: 'AS',
	compliance: 'CR',
	outOfScope: 'OS',
} as const satisfies Record<ScopeItemKind, string>

export const SCOPE_ITEM_LABEL: Record<ScopeItemKind, string> = {
	useCase: 'Use case',
	asset: 'Asset',
	threatAgent: 'Threat agent',
	assumption: 'Assumption',
	compliance: 'Compliance requirement',
	outOfScope: 'Out of scope',
}

export const CIA_NEEDS = ['high', 'medium', 'low'] as const
export type CiaNeed = (typeof CIA_NEEDS)[number]

export const SCOPE_TITLE_MAX = 200
export const SCOPE_DESCRIPTION_MAX = 1024

export type ScopeItemId = RecordId<ScopeItemRecord>

export interface ScopeItemRecord extends BaseRecord<typeof SCOPE_ITEM_TYPE, ScopeItemId> {
	kind: ScopeItemKind
	/** UC1, A1, TA1, AS1, CR1…, stamped by the room. */
	humanId: string
	title: string
	description: string
	/** An asset's confidentiality, integrity and availability needs; null on other kinds. */
	confidentiality: CiaNeed | null
	integrity: CiaNeed | null
	availability: CiaNeed | null
	/** Threat agents can be explicitly out of scope ("nation-state attackers"); other kinds stay true. */
	inScope: boolean
	createdAt: number
}

declare module '@tldraw/tlschema' {
	export interface TLGlobalRecordPropsMap {
		[SCOPE_ITEM_TYPE]: ScopeItemRecord
	}
}

const ciaNeedValidator = T.literalEnum(...CIA_NEEDS).nullable()

export const scopeItemRecordConfig: CustomRecordInfo = {
	scope: 'document',
	validator: T.object<ScopeItemRecord>({
		id: recordIdValidator<ScopeItemId>(SCOPE_ITEM_TYPE),
		typeName: T.literal(SCOPE_ITEM_TYPE),
		kind: T.literalEnum(...SCOPE_ITEM_KINDS),
		humanId: T.string.check((value) => {
			if (value !== '' && !/^(UC|A|TA|AS|CR|OS)[1-9]\d{0,6}$/.test(value)) {
				throw new T.ValidationError('Expected a scope ID such as A1')
			}
		}),
		title: boundedString(SCOPE_TITLE_MAX, { min: 1 }),
		description: boundedString(SCOPE_DESCRIPTION_MAX),
		confidentiality: ciaNeedValidator,
		integrity: ciaNeedValidator,
		availability: ciaNeedValidator,
		inScope: T.boolean,
		createdAt: timestampValidator,
	}),
}
