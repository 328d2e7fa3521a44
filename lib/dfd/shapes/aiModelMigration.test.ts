import { readFileSync } from 'node:fs'
import type { TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { readStoreRecords } from '@/lib/canvas/storeRecords'
import { multiprocessShapeMigrations, multiprocessShapeVersions } from './multiprocess-migrations'
import { processShapeMigrations, processShapeVersions } from './process-migrations'

// Saved by the code before processes said whether they run an AI model; never regenerate it.
const BEFORE = JSON.parse(
	readFileSync(new URL('../../../tests/fixtures/snapshots/snapshot-before-mitigation-records.json', import.meta.url), 'utf8'),
) as unknown

function step(sequence: typeof processShapeMigrations, id: string) {
	const found = sequence.sequence.find((migration) => 'id' in migration && migration.id === id)
	if (!found || !('up' in found) || typeof found.down !== 'function') throw new Error(`no step ${id}`)
	return { up: found.up, down: found.down }
}

describe('the aiModel prop of processes and multi-processes', () => {
	it.each([
		['process', processShapeMigrations, processShapeVersions.AddAiModel],
		['multi-process', multiprocessShapeMigrations, multiprocessShapeVersions.AddAiModel],
	] as const)('a %s drawn before it was asked is "not said"; going down removes the answer', (_, sequence, id) => {
		const migration = step(sequence, id)
		const props: Record<string, unknown> = { name: 'Checkout', isWebApplication: true }
		migration.up(props as never)
		expect(props).toEqual({ name: 'Checkout', isWebApplication: true, aiModel: 'unknown' })
		migration.down(props as never)
		expect(props).toEqual({ name: 'Checkout', isWebApplication: true })
	})

	it('a session saved before the prop loads with every process valid and not said', () => {
		const read = readStoreRecords(BEFORE)
		if (!read.ok) throw new Error(read.error)
		expect(read.skipped).toEqual([])
		const processes = read.records.filter(
			(record): record is TLShape => record.typeName === 'shape' && (record.type === 'dfd-process' || record.type === 'dfd-multiprocess'),
		)
		expect(processes.length).toBeGreaterThan(0)
		for (const process of processes) expect(process.props).toMatchObject({ aiModel: 'unknown' })
	})
})
