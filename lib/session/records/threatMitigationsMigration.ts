import { createMigrationIds, createMigrationSequence, type SerializedStore, type UnknownRecord } from '@tldraw/store'
import { MITIGATION_TITLE_MAX, MITIGATION_TYPE, type MitigationStatus } from './mitigationRecord'
import { idBody } from './recordIds'

// Until mitigations were records, a threat carried one mitigation text with its owner, due date
// and issue link. This store migration turns each such threat's fields into a mitigation record
// linked to it and removes them from the threat, so an older session opens with its mitigations.
// A sequence of its own (not the threat record's): it reads and writes two record types.

const THREAT_MITIGATIONS_SEQUENCE_ID = 'com.threatroom.threat-mitigations'
export const threatMitigationsVersions = createMigrationIds(THREAT_MITIGATIONS_SEQUENCE_ID, { MoveToRecords: 1 })

type StoredStore = SerializedStore<UnknownRecord>

interface LegacyThreatFields {
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
}

const LEGACY_FIELDS = ['mitigation', 'owner', 'dueDate', 'issueUrl'] as const

function text(record: UnknownRecord, key: string): string {
	const value: unknown = Reflect.get(record, key)
	return typeof value === 'string' ? value : ''
}

function numberOf(record: UnknownRecord, key: string): number {
	const value: unknown = Reflect.get(record, key)
	return typeof value === 'number' ? value : 0
}

/** The status a migrated mitigation starts with, read off where the threat itself stood. */
export function mitigationStatusForThreat(threatStatus: string): MitigationStatus {
	if (threatStatus === 'Resolved' || threatStatus === 'Closed') return 'inPlace'
	if (threatStatus === 'Mitigation In Progress' || threatStatus === 'Verification Pending') return 'inProgress'
	return 'planned'
}

/** A title from the old free text: its first line, cut to fit; the whole text stays in the description. */
export function mitigationTitleFromText(mitigation: string, threatTitle: string): string {
	const firstLine = mitigation.trim().split(/\r?\n/, 1)[0]?.trim() ?? ''
	const title = firstLine || `Mitigate: ${threatTitle}`.trim()
	return title.length > MITIGATION_TITLE_MAX ? `${title.slice(0, MITIGATION_TITLE_MAX - 1)}…` : title
}

function legacyFieldsOf(threat: UnknownRecord): LegacyThreatFields {
	return { mitigation: text(threat, 'mitigation'), owner: text(threat, 'owner'), dueDate: text(threat, 'dueDate'), issueUrl: text(threat, 'issueUrl') }
}

function mitigationIdForLegacyThreat(threatId: string): UnknownRecord['id'] {
	return `${MITIGATION_TYPE}:legacy-${idBody(threatId)}` as UnknownRecord['id']
}

function up(store: StoredStore): StoredStore {
	const threats = Object.values(store)
		.filter((record) => record.typeName === 'threat')
		.sort((a, b) => numberOf(a, 'createdAt') - numberOf(b, 'createdAt') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	let number = 0
	for (const threat of threats) {
		const legacy = legacyFieldsOf(threat)
		const withoutLegacy = { ...threat }
		for (const key of LEGACY_FIELDS) Reflect.deleteProperty(withoutLegacy, key)
		store[threat.id] = withoutLegacy
		if (legacy.mitigation.trim() === '' && legacy.owner === '' && legacy.dueDate === '' && legacy.issueUrl === '') continue
		number += 1
		const title = mitigationTitleFromText(legacy.mitigation, text(threat, 'title'))
		const id = mitigationIdForLegacyThreat(threat.id)
		const record: UnknownRecord & Record<string, unknown> = {
			id,
			typeName: MITIGATION_TYPE,
			humanId: `M-${String(number).padStart(3, '0')}`,
			threatIds: [threat.id],
			title,
			description: legacy.mitigation.trim() === title ? '' : legacy.mitigation,
			kind: 'design',
			status: mitigationStatusForThreat(text(threat, 'status')),
			owner: legacy.owner,
			dueDate: legacy.dueDate,
			acceptanceCriteria: '',
			verification: '',
			issueUrl: legacy.issueUrl,
			createdBy: text(threat, 'createdBy'),
			createdByName: text(threat, 'createdByName'),
			createdAt: numberOf(threat, 'createdAt'),
		}
		store[record.id] = record
	}
	return store
}

/** Back to one text per threat: its first mitigation's, the rest are lost to the older version. */
function down(store: StoredStore): StoredStore {
	const firstByThreat = new Map<string, UnknownRecord>()
	for (const record of Object.values(store)) {
		if (record.typeName !== MITIGATION_TYPE) continue
		const threatIds: unknown = Reflect.get(record, 'threatIds')
		if (Array.isArray(threatIds)) {
			for (const threatId of threatIds) {
				const known = firstByThreat.get(String(threatId))
				if (!known || numberOf(record, 'createdAt') < numberOf(known, 'createdAt')) firstByThreat.set(String(threatId), record)
			}
		}
		delete store[record.id]
	}
	for (const record of Object.values(store)) {
		if (record.typeName !== 'threat') continue
		const first = firstByThreat.get(record.id)
		const mitigation = first ? text(first, 'description') || text(first, 'title') : ''
		const legacy: LegacyThreatFields = {
			mitigation,
			owner: first ? text(first, 'owner') : '',
			dueDate: first ? text(first, 'dueDate') : '',
			issueUrl: first ? text(first, 'issueUrl') : '',
		}
		store[record.id] = { ...record, ...Object.fromEntries(LEGACY_FIELDS.map((key) => [key, legacy[key]])) }
	}
	return store
}

export const threatMitigationsMigrations = createMigrationSequence({
	sequenceId: THREAT_MITIGATIONS_SEQUENCE_ID,
	// Snapshots saved before this sequence existed carry threats with the old fields: migrate them.
	retroactive: true,
	sequence: [
		{
			id: threatMitigationsVersions.MoveToRecords,
			scope: 'store',
			up,
			down,
		},
	],
})
