import { readFileSync } from 'node:fs'
import type { SerializedStore, UnknownRecord } from '@tldraw/store'
import { describe, expect, it } from 'vitest'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { threatRecordConfig } from './threatRecord'
import { threatTriageMigrations } from './threatTriageMigration'

// Saved before threats had triage fields or scope links (and before mitigations were records):
// the fixture of the migration before this one, never regenerated.
const BEFORE = JSON.parse(
	readFileSync(new URL('../../../tests/fixtures/snapshots/snapshot-before-mitigation-records.json', import.meta.url), 'utf8'),
) as unknown

type StoredStore = SerializedStore<UnknownRecord>
const idOf = (id: string) => id as UnknownRecord['id']

function step() {
	const [only] = threatTriageMigrations.sequence
	if (!only || !('scope' in only) || only.scope !== 'store' || !only.down) throw new Error('expected a store migration with a down step')
	return only
}

function olderThreat(id: string, shapeId: string): UnknownRecord & Record<string, unknown> {
	return {
		id: idOf(id),
		typeName: 'threat',
		humanId: 'T-001',
		shapeId,
		categories: ['S'],
		title: 'Session cookie can be replayed',
		description: '',
		likelihood: 3,
		impact: 4,
		agreedLikelihood: null,
		agreedImpact: null,
		status: 'Open',
		sourceRuleId: null,
		createdBy: 'u-fay',
		createdByName: 'Fay',
		createdAt: 1_740_000_000_000,
		isDeleted: false,
	}
}

describe('the threat-triage store migration', () => {
	it('loads a session saved before it, every threat valid with the documented defaults and the rest unchanged', () => {
		const read = readStoreRecords(BEFORE)
		if (!read.ok) throw new Error(read.error)
		expect(read.skipped).toEqual([])
		const threats = read.records.filter((record) => record.typeName === 'threat')
		expect(threats).toHaveLength(3)
		for (const threat of threats) {
			expect(threat).toMatchObject({ severity: 'Unknown', cvssVector: null, priority: null, includeInReport: true, assetIds: [], agentIds: [] })
			expect(() => threatRecordConfig.validator.validate(threat)).not.toThrow()
		}
		expect(threats.find((threat) => threat.id === 'threat:t1')).toMatchObject({ title: 'Session cookie can be replayed', status: 'Mitigation In Progress' })
	})

	it('adds the fields and keeps categories and element as they were', () => {
		const store: StoredStore = { [idOf('threat:a')]: olderThreat('threat:a', 'shape:p1') }
		const up = step().up(store) ?? store
		expect(up[idOf('threat:a')]).toEqual({
			...olderThreat('threat:a', 'shape:p1'),
			severity: 'Unknown',
			cvssVector: null,
			priority: null,
			includeInReport: true,
			assetIds: [],
			agentIds: [],
		})
	})

	it('goes back down to the older threat, and leaves out the model-level threats it had no place for', () => {
		const triaged: UnknownRecord & Record<string, unknown> = {
			...olderThreat('threat:a', 'shape:p1'),
			severity: 'High',
			cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
			priority: 'P0',
			includeInReport: false,
			assetIds: ['scope-item:a1'],
			agentIds: [],
		}
		const store: StoredStore = {
			[idOf('threat:a')]: triaged,
			[idOf('threat:b')]: { ...olderThreat('threat:b', 'shape:p1'), shapeId: null, categories: ['other'] },
			[idOf('vote:x')]: { id: idOf('vote:x'), typeName: 'vote' },
		}
		const down = step().down?.(store) ?? store
		expect(down[idOf('threat:a')]).toEqual(olderThreat('threat:a', 'shape:p1'))
		expect(down[idOf('threat:b')]).toBeUndefined()
		expect(down[idOf('vote:x')]).toEqual({ id: 'vote:x', typeName: 'vote' })
	})

	it('is part of the schema the room and the app use, after the mitigations one', () => {
		expect(threatroomSchema.serialize().sequences).toMatchObject({ 'com.threatroom.threat-triage': 1, 'com.threatroom.threat-mitigations': 1 })
		expect(step().dependsOn).toEqual(['com.threatroom.threat-mitigations/1'])
	})
})
