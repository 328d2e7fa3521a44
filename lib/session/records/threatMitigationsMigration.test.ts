import { readFileSync } from 'node:fs'
import type { SerializedStore, UnknownRecord } from '@tldraw/store'
import { describe, expect, it } from 'vitest'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { mitigationRecordConfig } from './mitigationRecord'
import { threatMitigationsMigrations } from './threatMitigationsMigration'

// Written by the code before mitigations were records (threats with mitigation, owner, due date
// and issue link), saved as the room saved it; never regenerate it.
const BEFORE = JSON.parse(
	readFileSync(new URL('../../../tests/fixtures/snapshots/snapshot-before-mitigation-records.json', import.meta.url), 'utf8'),
) as unknown

function readBefore() {
	const read = readStoreRecords(BEFORE)
	if (!read.ok) throw new Error(read.error)
	return read
}

describe('the threat-mitigations store migration', () => {
	it('loads a session saved before mitigations were records, every record valid', () => {
		const read = readBefore()
		expect(read.skipped).toEqual([])
		expect(read.records.filter((record) => record.typeName === 'threat')).toHaveLength(3)
	})

	it('turns each threat mitigation text with its owner, due date and issue link into a record linked to it', () => {
		const mitigations = readBefore().records.filter((record) => record.typeName === 'mitigation')
		expect(mitigations).toEqual([
			{
				id: 'mitigation:legacy-t1',
				typeName: 'mitigation',
				humanId: 'M-001',
				threatIds: ['threat:t1'],
				title: 'Bind the session cookie to the device',
				description: 'Bind the session cookie to the device\nand rotate it on privilege change',
				kind: 'design',
				status: 'inProgress',
				owner: 'Identity team',
				dueDate: '2026-03-31',
				acceptanceCriteria: '',
				verification: '',
				issueUrl: 'https://tracker.example.com/SEC-7',
				createdBy: 'u-fay',
				createdByName: 'Fay',
				createdAt: 1_740_000_000_000,
			},
			expect.objectContaining({
				id: 'mitigation:legacy-t3',
				humanId: 'M-002',
				threatIds: ['threat:t3'],
				title: 'TLS 1.3 only',
				description: '',
				status: 'inPlace',
			}),
		])
	})

	it('removes the old fields from every threat and leaves the rest as it was', () => {
		const threat = readBefore().records.find((record) => record.id === 'threat:t1')
		expect(threat).toBeDefined()
		for (const key of ['mitigation', 'owner', 'dueDate', 'issueUrl']) expect(threat).not.toHaveProperty(key)
		expect(threat).toMatchObject({ title: 'Session cookie can be replayed', status: 'Mitigation In Progress', createdByName: 'Fay' })
	})

	it('goes back down to one text per threat', () => {
		const up = threatMitigationsMigrations.sequence[0]
		if (!up || !('scope' in up) || up.scope !== 'store' || !up.down) throw new Error('expected a store migration with a down step')
		const records = readBefore().records
		const store: SerializedStore<UnknownRecord> = Object.fromEntries(records.map((record) => [record.id, structuredClone(record)]))
		const down = up.down(store) ?? store
		expect(Object.values(down).some((record) => record.typeName === 'mitigation')).toBe(false)
		expect(down['threat:t1' as UnknownRecord['id']]).toMatchObject({
			mitigation: 'Bind the session cookie to the device\nand rotate it on privilege change',
			owner: 'Identity team',
			dueDate: '2026-03-31',
		})
		expect(down['threat:t2' as UnknownRecord['id']]).toMatchObject({ mitigation: '', owner: '' })
	})

	it('is part of the schema the room and the app use', () => {
		expect(threatroomSchema.serialize().sequences).toMatchObject({ 'com.threatroom.threat-mitigations': 1 })
		expect(() => mitigationRecordConfig.validator.validate(readBefore().records.find((record) => record.typeName === 'mitigation'))).not.toThrow()
	})
})
