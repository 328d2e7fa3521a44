import { describe, expect, it } from 'vitest'
import { buildSessionModel } from '@/lib/reports/buildSessionModel'
import { importThreatDragon } from './importThreatDragon'
import { sessionInputFromImport } from './sessionInputFromImport'
import { readTdFixture } from '@/tests/fixtures/threatDragon/files'
import { humanIdClaim, nameWithHumanId } from './tdHumanIds'
import type { TdModel } from './tdSchema'

describe('nameWithHumanId', () => {
	it('ends the name with the ID, where a Threat Dragon user sees it', () => {
		expect(nameWithHumanId('Web shop API', 'P1')).toBe('Web shop API (P1)')
		expect(nameWithHumanId('', 'DF3')).toBe('(DF3)')
		expect(nameWithHumanId('A note', '')).toBe('A note')
	})
})

describe('humanIdClaim', () => {
	it('reads back exactly what the export wrote', () => {
		expect(humanIdClaim('Web shop API (P1)', 'tm.Process')).toEqual({ name: 'Web shop API', humanId: 'P1', kind: 'process' })
		expect(humanIdClaim('(DF3)', 'tm.Flow')).toEqual({ name: '', humanId: 'DF3', kind: 'flow' })
		expect(humanIdClaim('Two\nlines (DS12)', 'tm.Store')).toEqual({ name: 'Two\nlines', humanId: 'DS12', kind: 'store' })
	})

	it('brings a multi-process back from the MP ID of a TD process', () => {
		expect(humanIdClaim('Workers (MP2)', 'tm.Process')).toEqual({ name: 'Workers', humanId: 'MP2', kind: 'multiprocess' })
	})

	it('claims nothing when the prefix does not fit the cell, or the suffix is not an ID', () => {
		expect(humanIdClaim('Backups (P2)', 'tm.Store')).toBeNull()
		expect(humanIdClaim('Greeting (P1)', 'tm.Text')).toBeNull()
		expect(humanIdClaim('Payment (PCI)', 'tm.Process')).toBeNull()
		expect(humanIdClaim('Payment (P0)', 'tm.Process')).toBeNull()
		expect(humanIdClaim('Payment(P1)', 'tm.Process')).toBeNull()
		expect(humanIdClaim('Payment (P1) v2', 'tm.Process')).toBeNull()
	})
})

describe('importing a Threat Dragon file whose names happen to end like an ID', () => {
	/** v2-threat-model.json with some names a person might have typed. */
	function lookalikes(): TdModel {
		const file = structuredClone(readTdFixture('v2-threat-model.json')) as TdModel
		const cells = file.detail.diagrams[0]?.cells ?? []
		const rename = (type: string, nth: number, name: string) => {
			const cell = cells.filter((candidate) => candidate.data.type === type)[nth]
			if (!cell) throw new Error(`no ${type} #${nth}`)
			cell.data.name = name
		}
		rename('tm.Actor', 0, 'Browser (EE7)')
		rename('tm.Process', 0, 'Payment (P1)')
		rename('tm.Process', 1, 'Payment (P1)')
		rename('tm.Store', 0, 'Backups (P2)')
		return file
	}

	const result = importThreatDragon(lookalikes())
	if (!result.ok) throw new Error(JSON.stringify(result.issues))
	const all = result.model.diagrams.flatMap((diagram) => diagram.elements)
	const session = buildSessionModel(sessionInputFromImport(result.model, { sessionId: 's', at: 0 }))
	const ids = session.diagrams.flatMap((diagram) => diagram.elements.map((element) => element.humanId)).filter(Boolean)

	it('still imports, and every element has an ID of its own', () => {
		expect(all).toHaveLength(20)
		expect(new Set(ids).size).toBe(ids.length)
	})

	it('keeps an ID that exactly one name ends with, and numbers the rest past it', () => {
		expect(all.find((element) => element.kind === 'entity')).toMatchObject({ name: 'Browser', humanId: 'EE7' })
		expect(ids.filter((id) => id.startsWith('EE'))).toEqual(['EE7'])
	})

	it('leaves an ID claimed twice in both names, gives new IDs and says so', () => {
		expect(all.filter((element) => element.name === 'Payment (P1)').map((element) => element.humanId)).toEqual([null, null])
		expect(result.warnings.filter((warning) => warning.message.startsWith('ends with the ID P1'))).toHaveLength(2)
	})

	it('leaves a name whose ID does not fit its kind as it was', () => {
		expect(all.find((element) => element.name === 'Backups (P2)')).toMatchObject({ kind: 'store', humanId: null })
	})
})
