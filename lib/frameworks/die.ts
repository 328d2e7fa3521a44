import type { ApplicabilityInput, FrameworkCategory, FrameworkDefinition } from './frameworkTypes'

/** The letters of the framework's name; ids are per framework, so DIE's 'D' is not STRIDE's. */
const DIE_CATEGORY_IDS = ['D', 'I', 'E'] as const
export type DieCategoryId = (typeof DIE_CATEGORY_IDS)[number]

const DIE_CATEGORIES = [
	{
		id: 'D',
		name: 'Distributed',
		question: 'If one instance, zone, region or provider fails, does this keep working — or is it a single point of failure?',
		examples: [
			'The primary database is one VM with nightly backups; a disk fault means a day of downtime and lost orders.',
			'All service-to-service traffic leaves through one NAT gateway in one availability zone.',
		],
	},
	{
		id: 'I',
		name: 'Immutable',
		question: 'Can this be rebuilt from a known-good definition instead of being patched in place, and would drift be noticed?',
		examples: [
			'Servers are patched over SSH by hand; after an incident nobody can say what the clean state was.',
			'Images are deployed as :latest, so two replicas can be running different code.',
		],
	},
	{
		id: 'E',
		name: 'Ephemeral',
		question: 'Could this be short-lived — instances, credentials, data — so that whatever an attacker gains expires quickly?',
		examples: [
			'A CI access key with admin rights has been valid for three years and sits in four pipelines.',
			'Worker VMs run for months, so a foothold on one survives until someone notices.',
		],
	},
] as const satisfies readonly FrameworkCategory<DieCategoryId>[]

/**
 * Resilience by design: every process and store can be asked all three. A flow is a path, not a
 * thing you rebuild or expire, so it only takes Distributed (is there a second path?).
 */
function dieCategoriesFor(element: ApplicabilityInput): readonly DieCategoryId[] {
	switch (element.kind) {
		case 'process':
		case 'multiprocess':
		case 'store':
			return DIE_CATEGORY_IDS
		case 'flow':
			return ['D']
		case 'entity':
		case 'boundary':
		case 'text':
			return []
	}
}

export const DIE = {
	id: 'DIE',
	name: 'DIE',
	summary: 'Distributed, Immutable, Ephemeral: resilience qualities for cloud-native systems.',
	categories: DIE_CATEGORIES,
	categoriesFor: dieCategoriesFor,
} as const satisfies FrameworkDefinition<'DIE', DieCategoryId>
