import type { ApplicabilityInput, FrameworkCategory, FrameworkDefinition } from './frameworkTypes'

const CIA_CATEGORY_IDS = ['C', 'I', 'A'] as const
export type CiaCategoryId = (typeof CIA_CATEGORY_IDS)[number]

const CIA_CATEGORIES = [
	{
		id: 'C',
		name: 'Confidentiality',
		question: 'Who can read the data this element holds, handles, carries or receives — and who should?',
		examples: [
			'Read replicas of the customer database are queryable by every engineer for "debugging".',
			'The payroll provider receives the full employee record, bank details and national ID included.',
		],
	},
	{
		id: 'I',
		name: 'Integrity',
		question: 'Can the data be changed, by accident or on purpose, without anyone noticing?',
		examples: [
			'The nightly price feed from the supplier is imported without a checksum or signature.',
			'Two workers update the same stock count without locking, and counts drift silently.',
		],
	},
	{
		id: 'A',
		name: 'Availability',
		question: 'What happens if this is slow, down or gone — and how quickly must it be back?',
		examples: [
			'The only copy of the signing key lives in one HSM in one data centre.',
			'Backups run nightly but a restore has never been tested; nobody knows if it takes one hour or two days.',
		],
	},
] as const satisfies readonly FrameworkCategory<CiaCategoryId>[]

/**
 * All three apply to every process, store and flow. For an external entity we ask about the data
 * it holds or receives from us (we cannot secure the entity, but we decide what it gets).
 */
function ciaCategoriesFor(element: ApplicabilityInput): readonly CiaCategoryId[] {
	switch (element.kind) {
		case 'entity':
		case 'process':
		case 'multiprocess':
		case 'store':
		case 'flow':
			return CIA_CATEGORY_IDS
		case 'boundary':
		case 'text':
			return []
	}
}

export const CIA = {
	id: 'CIA',
	name: 'CIA',
	summary: 'Confidentiality, Integrity, Availability: a quick pass over the security triad.',
	categories: CIA_CATEGORIES,
	categoriesFor: ciaCategoriesFor,
} as const satisfies FrameworkDefinition<'CIA', CiaCategoryId>
