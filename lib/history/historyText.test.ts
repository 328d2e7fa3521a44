import { describe, expect, it } from 'vitest'
import { HistoryLog } from './historyLog'
import { historyByRecord, historyChangeText } from './historyText'

describe('historyChangeText', () => {
	it('says what happened with the field label', () => {
		expect(historyChangeText({ recordType: 'threat', action: 'update', field: 'status', oldValue: 'Open', newValue: 'Resolved' })).toBe(
			'Status: “Open” → “Resolved”',
		)
		expect(historyChangeText({ recordType: 'shape', action: 'update', field: 'description', oldValue: '', newValue: 'x' })).toBe('Description: (empty) → “x”')
		expect(historyChangeText({ recordType: 'threat', action: 'create', field: '', oldValue: '', newValue: 'Forged token' })).toBe('Created “Forged token”')
		expect(historyChangeText({ recordType: 'threat', action: 'delete', field: '', oldValue: 'Forged token', newValue: '' })).toBe('Deleted “Forged token”')
	})
})

describe('historyByRecord', () => {
	it('groups entries per record, oldest first', () => {
		const log = new HistoryLog([])
		const author = { userId: 'u', name: 'U', role: 'participant' as const }
		const change = (recordId: string, field: string) => ({
			recordType: 'threat',
			recordId,
			recordHumanId: '',
			action: 'update' as const,
			field,
			oldValue: 'a',
			newValue: 'b',
		})
		const entries = [
			...log.record([change('threat:a', 'title')], author, 1),
			...log.record([change('threat:b', 'title'), change('threat:a', 'owner')], author, 2),
		]
		const grouped = historyByRecord([...entries].reverse())
		expect(grouped.get('threat:a')?.map((entry) => entry.field)).toEqual(['title', 'owner'])
		expect(grouped.get('threat:b')).toHaveLength(1)
	})
})
