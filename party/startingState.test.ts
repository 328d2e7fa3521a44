import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { StoredCanvasState } from '@/lib/api/internalSchemas'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { startingState } from './startingState'
import type { TrackedChange } from './trackedStorage'
import type { StoredWal } from './walFormat'

const threat = (id: string, title = 'A threat') => fixtureThreat({ id: `threat:${id}` as ThreatId, title }) as TLRecord

function app(clock: number, records: [TLRecord, number][], tombstones: Record<string, number> = {}): StoredCanvasState {
	return {
		snapshot: {
			...DEFAULT_INITIAL_SNAPSHOT,
			schema: threatroomSchema.serialize(),
			documentClock: clock,
			tombstoneHistoryStartsAtClock: 0,
			tombstones,
			documents: records.map(([state, lastChangedClock]) => ({ state, lastChangedClock })),
		},
		clock,
		humanIdCounters: { T: 2 },
	}
}

function wal(clock: number, changes: [string, TrackedChange][], humanIdCounters: Record<string, number> = {}): StoredWal {
	return {
		meta: { version: 1, clock, humanIdCounters },
		schema: threatroomSchema.serialize(),
		changes: new Map(changes),
		chunks: new Map(),
		prunedThrough: 0,
		unreadable: [],
	}
}

const ids = (state: ReturnType<typeof startingState>) => state.snapshot.documents.map((document) => document.state.id).sort()

describe('startingState', () => {
	it("starts from the app's snapshot when the write-ahead copy is not newer", () => {
		const loaded = app(5, [[threat('a'), 5]])
		const start = startingState(loaded, wal(5, [['threat:a', { state: threat('a', 'Old'), clock: 4 }]]))
		expect(start.source).toBe('app')
		expect(start.snapshot).toBe(loaded.snapshot)
		expect(startingState(loaded, null).source).toBe('app')
	})

	it('applies the changes newer than the app on top of its snapshot: puts, updates and deletions', () => {
		const loaded = app(5, [
			[threat('kept'), 2],
			[threat('updated', 'Before'), 3],
			[threat('deleted'), 4],
		])
		const start = startingState(
			loaded,
			wal(
				9,
				[
					['threat:updated', { state: threat('updated', 'After'), clock: 7 }],
					['threat:deleted', { state: null, clock: 8 }],
					['threat:added', { state: threat('added'), clock: 9 }],
					// Already in the app's snapshot (not pruned yet): ignored.
					['threat:kept', { state: threat('kept', 'Stale'), clock: 2 }],
				],
				{ T: 4, P: 1 },
			),
		)
		expect(start.source).toBe('wal')
		expect(start.replayed).toBe(3)
		expect(start.snapshot.documentClock).toBe(9)
		expect(ids(start)).toEqual(['threat:added', 'threat:kept', 'threat:updated'])
		expect(start.snapshot.documents.find((document) => document.state.id === 'threat:updated')).toEqual({
			state: threat('updated', 'After'),
			lastChangedClock: 7,
		})
		expect(start.snapshot.documents.find((document) => document.state.id === 'threat:kept')?.state).toEqual(threat('kept'))
		expect(start.snapshot.tombstones).toEqual({ 'threat:deleted': 8 })
		expect(start.humanIdCounters).toEqual({ T: 4, P: 1 })
	})

	it('brings back a record the app saw deleted when the copy has it again', () => {
		const start = startingState(app(5, [], { 'threat:back': 4 }), wal(6, [['threat:back', { state: threat('back'), clock: 6 }]]))
		expect(ids(start)).toEqual(['threat:back'])
		expect(start.snapshot.tombstones).toEqual({})
	})

	it('does not lay the copy over an app snapshot older than what the copy was pruned against', () => {
		const copy = { ...wal(12, [['threat:late', { state: threat('late'), clock: 12 }]]), prunedThrough: 10 }
		const start = startingState(app(6, [[threat('a'), 6]]), copy)
		expect(start.source).toBe('app-behind-copy')
		expect(ids(start)).toEqual(['threat:a'])
	})

	it('starts a never-saved session from the copy alone', () => {
		const start = startingState({ snapshot: null, clock: 0, humanIdCounters: {} }, wal(3, [['threat:a', { state: threat('a'), clock: 3 }]], { T: 1 }))
		expect(start.source).toBe('wal')
		expect(ids(start)).toEqual(['document:document', 'page:page', 'threat:a'])
		expect(start.humanIdCounters).toEqual({ T: 1 })
	})
})
