import type { Framework } from '@/lib/sessionEnums'

/** What each framework is for, in one line, so a facilitator can choose without looking it up. */
export const FRAMEWORK_OPTIONS: ReadonlyArray<{ value: Framework; label: string; summary: string }> = [
	{
		value: 'STRIDE',
		label: 'STRIDE',
		summary:
			'Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege: the classic per-element security review.',
	},
	{
		value: 'LINDDUN',
		label: 'LINDDUN',
		summary:
			'Privacy threats: Linking, Identifying, Non-repudiation, Detecting, Data disclosure, Unawareness, Non-compliance.',
	},
	{
		value: 'CIA',
		label: 'CIA',
		summary: 'Confidentiality, Integrity, Availability: a quick pass over the security triad.',
	},
	{
		value: 'DIE',
		label: 'DIE',
		summary: 'Distributed, Immutable, Ephemeral: resilience qualities for cloud-native systems.',
	},
	{
		value: 'PLOT4ai',
		label: 'PLOT4ai',
		summary: 'Practical Library of Threats for AI: risks specific to machine-learning and AI systems.',
	},
]
