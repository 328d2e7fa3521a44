import type { ApplicabilityInput, FrameworkCategory, FrameworkDefinition } from './frameworkTypes'

/** Two-letter ids where one letter would collide (Non-repudiation/Non-compliance, Detecting/Data disclosure). */
const LINDDUN_CATEGORY_IDS = ['L', 'I', 'Nr', 'D', 'Dd', 'U', 'Nc'] as const
export type LinddunCategoryId = (typeof LINDDUN_CATEGORY_IDS)[number]

const LINDDUN_CATEGORIES = [
	{
		id: 'L',
		name: 'Linking',
		question: 'Can separate pieces of data or actions be tied to the same person, even without knowing who they are?',
		examples: [
			"Every analytics event carries a stable device ID, so a person's use of three separate products can be joined into one profile.",
			'The monthly "pseudonymised" research export hashes the email the same way each time, so records link across releases.',
		],
	},
	{
		id: 'I',
		name: 'Identifying',
		question: 'Can someone learn who the person behind this data or action is?',
		examples: [
			'The "anonymous" feedback form stores the IP address and a timestamp that matches the SSO log line.',
			'Postcode, date of birth and gender in an extract are enough to re-identify most people in it.',
		],
	},
	{
		id: 'Nr',
		name: 'Non-repudiation',
		question: 'Is a person bound to an action or statement they may legitimately want to deny (whistle-blowing, voting, sensitive requests)?',
		examples: [
			"The whistle-blowing channel signs each report with the reporter's account key.",
			'An immutable audit log keeps forever which employee looked up which colleague in the HR system.',
		],
	},
	{
		id: 'D',
		name: 'Detecting',
		question: 'Can someone tell that a person is involved — has an account, is in the data, used the service — just by observing?',
		examples: [
			'Password reset says "no account with this email", so anyone can check whether a neighbour is a patient of the clinic.',
			'The addiction-support feature lives on its own subdomain, so DNS and SNI reveal who uses it even over TLS.',
		],
	},
	{
		id: 'Dd',
		name: 'Data disclosure',
		question: 'Is more personal data collected, stored, processed or shared here than the purpose needs?',
		examples: [
			'Sign-up asks for a full date of birth when the only rule is "over 18".',
			'The whole user object, phone and home address included, is pushed to a third-party chat widget.',
		],
	},
	{
		id: 'U',
		name: 'Unawareness & unintervenability',
		question: 'Does the person know what happens to their data, and can they see, correct, delete or object to it?',
		examples: [
			'Contacts uploaded from phones are used to build profiles of people who never signed up.',
			'The only way to delete an account is to email support, and nobody owns that mailbox.',
		],
	},
	{
		id: 'Nc',
		name: 'Non-compliance',
		question: 'Does this deviate from law, policy or consent — purpose, retention, transfers, data minimisation?',
		examples: [
			'Support tickets containing health data are kept indefinitely; there is no retention rule.',
			'Logs with customer emails are replicated to a region outside the EU without a transfer mechanism.',
		],
	},
] as const satisfies readonly FrameworkCategory<LinddunCategoryId>[]

/**
 * LINDDUN per element (the LINDDUN mapping table): an external entity is a person or party, so
 * we ask whether they can be linked or identified and whether they are aware and in control;
 * everything else about data is asked where data is processed, stored or carried.
 */
function linddunCategoriesFor(element: ApplicabilityInput): readonly LinddunCategoryId[] {
	switch (element.kind) {
		case 'entity':
			return ['L', 'I', 'U']
		case 'process':
		case 'multiprocess':
		case 'store':
		case 'flow':
			return ['L', 'I', 'Nr', 'D', 'Dd', 'Nc']
		case 'boundary':
		case 'text':
			return []
	}
}

export const LINDDUN = {
	id: 'LINDDUN',
	name: 'LINDDUN',
	summary: 'Privacy threats: Linking, Identifying, Non-repudiation, Detecting, Data disclosure, Unawareness, Non-compliance.',
	categories: LINDDUN_CATEGORIES,
	categoriesFor: linddunCategoriesFor,
} as const satisfies FrameworkDefinition<'LINDDUN', LinddunCategoryId>
