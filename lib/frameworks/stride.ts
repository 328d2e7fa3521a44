import type { ApplicabilityInput, FrameworkCategory, FrameworkDefinition } from './frameworkTypes'

const STRIDE_CATEGORY_IDS = ['S', 'T', 'R', 'I', 'D', 'E'] as const
export type StrideCategoryId = (typeof STRIDE_CATEGORY_IDS)[number]

const STRIDE_CATEGORIES = [
	{
		id: 'S',
		name: 'Spoofing',
		question: 'Can someone pretend to be this user or component?',
		examples: [
			'A session cookie phished through a reverse proxy (Evilginx-style) is replayed from another country, and the app treats the attacker as the admin.',
			'The worker takes jobs from anything that can reach the queue, so any compromised pod on that network can pose as the API.',
		],
	},
	{
		id: 'T',
		name: 'Tampering',
		question: "Can someone change this data or code in a way we don't allow?",
		examples: [
			'The checkout request carries the price, and the API charges whatever the browser sends.',
			'Anyone with write access to the artefact bucket can replace the release build that production pulls at deploy time.',
		],
	},
	{
		id: 'R',
		name: 'Repudiation',
		question: 'Can someone deny having done an action here, and can we prove otherwise?',
		examples: [
			"A support agent changes a customer's payout IBAN; the only trace is an application log the agent's team can edit.",
			'Every integration calls the API with one shared service key, so no request can be tied to a person or partner.',
		],
	},
	{
		id: 'I',
		name: 'Information disclosure',
		question: 'Can data leak to someone who should not see it?',
		examples: [
			'GET /invoices/{id} checks that you are logged in but not that the invoice is yours (IDOR).',
			'Unhandled errors return stack traces with the database connection string to the browser.',
		],
	},
	{
		id: 'D',
		name: 'Denial of service',
		question: 'Can someone make this unavailable or exhaust its resources?',
		examples: [
			'The unauthenticated search endpoint runs a full-table LIKE query per keystroke; a few hundred requests a second take the database down.',
			"One tenant's bulk import floods the shared queue and every other tenant's jobs wait for hours.",
		],
	},
	{
		id: 'E',
		name: 'Elevation of privilege',
		question: 'Can someone gain rights they should not have?',
		examples: [
			'The role is read from a JWT claim without verifying the signature, so a user sets "role": "admin".',
			'The thumbnail service runs ImageMagick as root; one crafted upload gives a shell on the node.',
		],
	},
] as const satisfies readonly FrameworkCategory<StrideCategoryId>[]

/**
 * STRIDE per element, the Microsoft SDL mapping: external entities can be spoofed and can
 * repudiate; processes get all six; stores and flows get T, I, D — and a store also gets R when it
 * is a log, because then it is the evidence that repudiation is argued over.
 */
function strideCategoriesFor(element: ApplicabilityInput): readonly StrideCategoryId[] {
	switch (element.kind) {
		case 'entity':
			return ['S', 'R']
		case 'process':
		case 'multiprocess':
			return STRIDE_CATEGORY_IDS
		case 'store':
			return element.isLog === true ? ['T', 'R', 'I', 'D'] : ['T', 'I', 'D']
		case 'flow':
			return ['T', 'I', 'D']
		case 'boundary':
		case 'text':
			return []
	}
}

export const STRIDE = {
	id: 'STRIDE',
	name: 'STRIDE',
	summary: 'Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege: the classic per-element security review.',
	categories: STRIDE_CATEGORIES,
	categoriesFor: strideCategoriesFor,
} as const satisfies FrameworkDefinition<'STRIDE', StrideCategoryId>
