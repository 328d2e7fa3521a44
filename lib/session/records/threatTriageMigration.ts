import { createMigrationIds, createMigrationSequence, type SerializedStore, type UnknownRecord } from '@tldraw/store'
import { threatMitigationsVersions } from './threatMitigationsMigration'

// Threats gained triage fields (severity, CVSS vector, hand-set priority, include-in-report),
// links to the scope's assets and threat agents, and could lose their element (model-level).
// A store sequence, like the mitigations one before it: its down step removes records (the
// model-level threats an older version has no place for), which a record step cannot.

const THREAT_TRIAGE_SEQUENCE_ID = 'com.threatroom.threat-triage'
const threatTriageVersions = createMigrationIds(THREAT_TRIAGE_SEQUENCE_ID, { AddTriageAndScopeLinks: 1 })

type StoredStore = SerializedStore<UnknownRecord>

/**
 * What a threat saved before this change gets: severity Unknown rather than one derived from its
 * rating (a severity is a separate judgement nobody has made yet, and the risk band already
 * shows the rating), no CVSS vector, the risk band's priority (null), kept in the report, no links.
 */
function triageDefaults() {
	return { severity: 'Unknown', cvssVector: null, priority: null, includeInReport: true, assetIds: [], agentIds: [] }
}

const TRIAGE_FIELDS = Object.keys(triageDefaults())

function up(store: StoredStore): StoredStore {
	for (const record of Object.values(store)) {
		if (record.typeName !== 'threat') continue
		store[record.id] = { ...record, ...triageDefaults() }
	}
	return store
}

/** Back to threats on one element each: model-level threats are left out, the new fields dropped. */
function down(store: StoredStore): StoredStore {
	for (const record of Object.values(store)) {
		if (record.typeName !== 'threat') continue
		if (Reflect.get(record, 'shapeId') === null) {
			delete store[record.id]
			continue
		}
		const older = { ...record }
		for (const key of TRIAGE_FIELDS) Reflect.deleteProperty(older, key)
		store[record.id] = older
	}
	return store
}

export const threatTriageMigrations = createMigrationSequence({
	sequenceId: THREAT_TRIAGE_SEQUENCE_ID,
	// Snapshots saved before this sequence existed carry threats without the fields: migrate them.
	retroactive: true,
	sequence: [
		{
			id: threatTriageVersions.AddTriageAndScopeLinks,
			scope: 'store',
			dependsOn: [threatMitigationsVersions.MoveToRecords],
			up,
			down,
		},
	],
})
