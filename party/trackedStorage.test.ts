import { InMemorySyncStorage } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it, vi } from 'vitest'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { TrackedSyncStorage } from './trackedStorage'

const threat = (id: string, title = 'A threat') => fixtureThreat({ id: `threat:${id}` as ThreatId, title }) as TLRecord

function storage(onTracked = () => {}) {
	return new TrackedSyncStorage(new InMemorySyncStorage<TLRecord>({ snapshot: { documents: [], documentClock: 0 } }), onTracked)
}

describe('TrackedSyncStorage', () => {
	it('remembers the latest state of each record a transaction changed, at its clock', () => {
		let tracked = 0
		const tracking = storage(() => tracked++)
		tracking.transaction((txn) => txn.set('threat:a', threat('a')))
		tracking.transaction((txn) => {
			txn.set('threat:b', threat('b'))
			txn.set('threat:a', threat('a', 'Renamed'))
		})
		expect(tracked).toBe(2)
		const changes = tracking.takeChanges()
		expect([...changes.keys()].sort()).toEqual(['threat:a', 'threat:b'])
		expect(changes.get('threat:a')).toEqual({ state: threat('a', 'Renamed'), clock: 2 })
		expect(changes.get('threat:b')?.clock).toBe(2)
		expect(tracking.takeChanges().size).toBe(0)
	})

	it('records a deletion as a tombstone, and only of a record that existed', () => {
		const tracking = storage()
		tracking.transaction((txn) => txn.set('threat:a', threat('a')))
		tracking.takeChanges()
		tracking.transaction((txn) => {
			txn.delete('threat:a')
			txn.delete('threat:never')
		})
		expect([...tracking.takeChanges()]).toEqual([['threat:a', { state: null, clock: 2 }]])
	})

	it('forgets what a transaction changed when it throws (tldraw rolls it back)', () => {
		const tracking = storage()
		// tldraw logs the failed transaction itself.
		vi.spyOn(console, 'error').mockImplementationOnce(() => {})
		expect(() =>
			tracking.transaction((txn) => {
				txn.set('threat:a', threat('a'))
				throw new Error('invalid record')
			}),
		).toThrow('invalid record')
		expect(tracking.hasChanges).toBe(false)
		expect(tracking.getClock()).toBe(0)
	})

	it('reads do not count as changes', () => {
		const tracking = storage()
		tracking.transaction((txn) => [...txn.values()])
		expect(tracking.hasChanges).toBe(false)
	})
})
