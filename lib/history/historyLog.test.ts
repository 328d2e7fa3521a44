import { describe, expect, it } from 'vitest'
import { historyEntryRecordConfig } from '../session/records/historyEntryRecord'
import { HISTORY_COALESCE_MS, type HistoryAuthor, HistoryLog } from './historyLog'
import type { RecordChange } from './recordChanges'

const ana: HistoryAuthor = { userId: 'u-ana', name: 'Ana', role: 'participant' }
const fiona: HistoryAuthor = { userId: 'u-fiona', name: 'Fiona', role: 'facilitator' }

function nameChange(oldValue: string, newValue: string, field = 'name'): RecordChange {
	return { recordType: 'shape', recordId: 'shape:p', recordHumanId: 'P1', action: 'update', field, oldValue, newValue }
}

describe('HistoryLog', () => {
	it('numbers entries in order and stamps who and when', () => {
		const log = new HistoryLog([])
		const entry = log.record([nameChange('Process', 'C')], ana, 1000)[0]
		expect(entry).toMatchObject({ id: 'history-entry:000000001', seq: 1, by: 'u-ana', byName: 'Ana', byRole: 'participant', at: 1000, lastAt: 1000, edits: 1 })
		expect(() => historyEntryRecordConfig.validator.validate(entry)).not.toThrow()
		expect(log.record([nameChange('x', 'y', 'description')], ana, 1001)[0]?.seq).toBe(2)
	})

	it('coalesces a burst of one person on one field, keeping the first old value', () => {
		const log = new HistoryLog([])
		log.record([nameChange('Process', 'C')], ana, 1000)
		log.record([nameChange('C', 'Ch')], ana, 2000)
		const entry = log.record([nameChange('Ch', 'Checkout')], ana, 2000 + HISTORY_COALESCE_MS)[0]
		expect(entry).toMatchObject({ seq: 1, oldValue: 'Process', newValue: 'Checkout', at: 1000, lastAt: 2000 + HISTORY_COALESCE_MS, edits: 3 })
	})

	it('starts a new entry after a pause, for another person, or after someone else edited the field', () => {
		const log = new HistoryLog([])
		log.record([nameChange('Process', 'A')], ana, 1000)
		expect(log.record([nameChange('A', 'B')], ana, 1001 + HISTORY_COALESCE_MS)[0]?.seq).toBe(2)
		expect(log.record([nameChange('B', 'C')], fiona, 1002 + HISTORY_COALESCE_MS)[0]?.seq).toBe(3)
		expect(log.record([nameChange('C', 'D')], ana, 1003 + HISTORY_COALESCE_MS)[0]).toMatchObject({ seq: 4, oldValue: 'C' })
	})

	it('never coalesces a creation or deletion', () => {
		const log = new HistoryLog([])
		const create: RecordChange = { ...nameChange('', 'Process', ''), action: 'create' }
		log.record([create], ana, 1000)
		expect(log.record([{ ...create, action: 'delete' }], ana, 1001)[0]?.seq).toBe(2)
	})

	it('carries on numbering and coalescing from the entries it loaded', () => {
		const first = new HistoryLog([])
		const entries = first.record([nameChange('Process', 'A')], ana, 1000)
		const reloaded = new HistoryLog(entries)
		expect(reloaded.record([nameChange('A', 'AB')], ana, 1500)[0]).toMatchObject({ seq: 1, oldValue: 'Process', newValue: 'AB' })
		expect(reloaded.record([nameChange('AB', 'x', 'description')], ana, 1600)[0]?.seq).toBe(2)
	})

	it('stops appending at the cap, while a running burst still updates its entry', () => {
		const log = new HistoryLog([], { cap: 2 })
		log.record([nameChange('a', 'b')], ana, 1000)
		log.record([nameChange('a', 'b', 'description')], ana, 1000)
		expect(log.isFull).toBe(true)
		expect(log.record([nameChange('a', 'b', 'protocol')], ana, 1001)).toEqual([])
		expect(log.record([nameChange('b', 'c')], ana, 1002)).toMatchObject([{ seq: 1, newValue: 'c' }])
	})
})
