import type { DfdKind } from '@/lib/dfd/elementKinds'
import { PROTOCOL_MAX } from '@/lib/dfd/flowMeta'
import { TRUST_ZONES, trustZoneLabel } from '@/lib/dfd/labels'
import { AI_MODEL_ANSWERS, AI_MODEL_LABELS, PRIVILEGE_LEVELS } from '@/lib/dfd/shapes/process-props'

/** One per-kind property the panel edits; `key` is the prop (or flow meta) name and the test id suffix. */
export type PropertyField =
	| { type: 'checkbox'; key: string; label: string }
	| { type: 'text'; key: string; label: string; maxLength: number }
	| { type: 'select'; key: string; label: string; options: { value: string; label: string }[]; numeric?: boolean }

const PRIVILEGE_LABELS: Record<(typeof PRIVILEGE_LEVELS)[number], string> = {
	standard: 'Standard',
	elevated: 'Elevated',
	system: 'System',
}

const processFields: PropertyField[] = [
	{
		type: 'select',
		key: 'privilegeLevel',
		label: 'Privilege level',
		options: PRIVILEGE_LEVELS.map((value) => ({ value, label: PRIVILEGE_LABELS[value] })),
	},
	{ type: 'checkbox', key: 'isWebApplication', label: 'Is a web application' },
	{
		type: 'select',
		key: 'aiModel',
		label: 'Trains or runs an AI model',
		options: AI_MODEL_ANSWERS.map((value) => ({ value, label: AI_MODEL_LABELS[value] })),
	},
]

/** What the panel shows beyond name, description and scope, per kind. */
export const PROPERTY_FIELDS: Record<DfdKind, PropertyField[]> = {
	entity: [{ type: 'checkbox', key: 'providesAuthentication', label: 'Provides authentication' }],
	process: processFields,
	multiprocess: processFields,
	store: [
		{ type: 'checkbox', key: 'storesCredentials', label: 'Stores credentials' },
		{ type: 'checkbox', key: 'isALog', label: 'Is a log' },
		{ type: 'checkbox', key: 'isEncrypted', label: 'Encrypted' },
		{ type: 'checkbox', key: 'isSigned', label: 'Signed' },
	],
	flow: [
		{ type: 'text', key: 'protocol', label: 'Protocol', maxLength: PROTOCOL_MAX },
		{ type: 'checkbox', key: 'isEncrypted', label: 'Encrypted' },
		{ type: 'checkbox', key: 'isPublicNetwork', label: 'Crosses a public network' },
		{ type: 'checkbox', key: 'isBidirectional', label: 'Bidirectional' },
	],
	boundary: [
		{
			type: 'select',
			key: 'trustZone',
			label: 'Trust zone',
			numeric: true,
			options: TRUST_ZONES.map((zone) => ({ value: String(zone), label: trustZoneLabel(zone) })),
		},
	],
}
