import type { TLRecord } from '@tldraw/tlschema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { RoomWal, type WalStorage } from './roomWal'
import type { TrackedChange } from './trackedStorage'
import { CHUNK_CHARS, META_KEY } from './walFormat'

const SCHEMA = { schemaVersion: 2, sequences: {} } as const
const threat = (id: string, title = 'A threat') => fixtureThreat({ id: `threat:${id}` as ThreatId, title }) as TLRecord

/** Durable Object storage in memory, with its limits: 128 keys per call, 128 KiB per value. */
class FakeStorage implements WalStorage {
	readonly data = new Map<string, unknown>()
	calls: string[] = []
	failNext = 0
	/** Resolves puts only when released, to see what a write in flight holds back. */
	gate: Promise<void> | null = null

	async list({ prefix }: { prefix: string }) {
		return new Map([...this.data].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, structuredClone(value)]))
	}
	async put(entries: Record<string, unknown>) {
		if (this.failNext > 0) {
			this.failNext--
			throw new Error('storage unavailable')
		}
		const keys = Object.keys(entries)
		if (keys.length > 128) throw new Error('too many keys')
		for (const [key, value] of Object.entries(entries)) {
			if (JSON.stringify(value).length * 2 > 128 * 1024) throw new Error(`value too large: ${key}`)
		}
		if (this.gate) await this.gate
		for (const [key, value] of Object.entries(entries)) this.data.set(key, structuredClone(value))
		this.calls.push(`put ${keys.length}`)
	}
	async delete(keys: string[]) {
		if (keys.length > 128) throw new Error('too many keys')
		for (const key of keys) this.data.delete(key)
		this.calls.push(`delete ${keys.length}`)
		return keys.length
	}
	async sync() {}
}

const log = { error: vi.fn(), info: vi.fn() }
const changes = (entries: [string, TrackedChange][]) => new Map(entries)
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('RoomWal', () => {
	beforeEach(() => vi.useFakeTimers())
	afterEach(() => vi.useRealTimers())

	it('writes each changed record under its own key with the clock and counters, and reads it back', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		const durable: number[] = []
		wal.onDurable((clock) => durable.push(clock))
		wal.append(
			changes([
				['threat:a', { state: threat('a'), clock: 3 }],
				['threat:gone', { state: null, clock: 4 }],
			]),
			{ clock: 4, humanIdCounters: { T: 1 } },
			SCHEMA,
		)
		await settle()
		expect(durable).toEqual([4])
		expect(storage.data.get(META_KEY)).toEqual({ version: 1, clock: 4, humanIdCounters: { T: 1 } })

		const { stored } = await RoomWal.open(storage, log)
		expect(stored.schema).toEqual(SCHEMA)
		expect(stored.changes.get('threat:a')).toEqual({ state: threat('a'), clock: 3 })
		expect(stored.changes.get('threat:gone')).toEqual({ state: null, clock: 4 })
	})

	it('splits a record larger than a storage value over chunk keys, and removes them when it shrinks', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		const large = threat('image', 'x'.repeat(CHUNK_CHARS * 3))
		wal.append(changes([['threat:image', { state: large, clock: 1 }]]), { clock: 1, humanIdCounters: {} }, SCHEMA)
		await settle()
		expect([...storage.data.keys()].filter((key) => key.startsWith('wal:c:'))).toHaveLength(4)
		expect((await RoomWal.open(storage, log)).stored.changes.get('threat:image')?.state).toEqual(large)

		wal.append(changes([['threat:image', { state: threat('image', 'small'), clock: 2 }]]), { clock: 2, humanIdCounters: {} }, SCHEMA)
		await settle()
		expect([...storage.data.keys()].filter((key) => key.startsWith('wal:c:'))).toEqual([])
		expect((await RoomWal.open(storage, log)).stored.changes.get('threat:image')?.state).toEqual(threat('image', 'small'))
	})

	it('puts at most 128 keys per call, in one write for one batch', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		const many = changes(Array.from({ length: 300 }, (_, i): [string, TrackedChange] => [`threat:${i}`, { state: threat(String(i)), clock: 1 }]))
		wal.append(many, { clock: 1, humanIdCounters: {} }, SCHEMA)
		await settle()
		// 300 records, the meta and the schema.
		expect(storage.calls).toEqual(['put 128', 'put 128', 'put 46'])
	})

	it('groups what changes while a write is in flight into the next write', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		let release = () => {}
		storage.gate = new Promise((resolve) => (release = resolve))
		wal.append(changes([['threat:a', { state: threat('a'), clock: 1 }]]), { clock: 1, humanIdCounters: {} }, SCHEMA)
		await settle()
		for (let clock = 2; clock <= 10; clock++) {
			wal.append(changes([[`threat:${clock}`, { state: threat(String(clock)), clock }]]), { clock, humanIdCounters: {} }, SCHEMA)
		}
		expect(wal.durableClock).toBe(0)
		storage.gate = null
		release()
		await settle()
		expect(wal.durableClock).toBe(10)
		expect(storage.calls).toHaveLength(2)
	})

	it('retries a failed write with backoff and stays not durable until it succeeds', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		storage.failNext = 2
		wal.append(changes([['threat:a', { state: threat('a'), clock: 1 }]]), { clock: 1, humanIdCounters: {} }, SCHEMA)
		await settle()
		expect(wal.durableClock).toBe(0)
		await vi.advanceTimersByTimeAsync(500)
		expect(wal.durableClock).toBe(0)
		await vi.advanceTimersByTimeAsync(1_000)
		expect(wal.durableClock).toBe(1)
		expect(log.error).toHaveBeenCalledWith(expect.stringContaining('write-ahead write failed (2x), retrying in 1000 ms'))
	})

	it('prunes what the app has stored, but not a record written again since', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		wal.append(
			changes([
				['threat:a', { state: threat('a'), clock: 1 }],
				['threat:b', { state: threat('b'), clock: 2 }],
			]),
			{ clock: 2, humanIdCounters: {} },
			SCHEMA,
		)
		await settle()
		wal.append(changes([['threat:b', { state: threat('b', 'Again'), clock: 3 }]]), { clock: 3, humanIdCounters: {} }, SCHEMA)
		wal.checkpoint(2)
		await settle()
		const { stored } = await RoomWal.open(storage, log)
		expect([...stored.changes.keys()]).toEqual(['threat:b'])
		expect(stored.changes.get('threat:b')?.clock).toBe(3)
		expect(stored.prunedThrough).toBe(2)
		expect(wal.size).toBe(1)
	})

	it('can be discarded whole', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		wal.append(changes([['threat:a', { state: threat('a', 'x'.repeat(CHUNK_CHARS * 2)), clock: 1 }]]), { clock: 1, humanIdCounters: {} }, SCHEMA)
		await settle()
		await wal.discard()
		expect([...storage.data.keys()]).toEqual([])
		expect(wal.size).toBe(0)
	})

	it('counts a clock the app stored as durable, so the room can answer even if its own write is slow', async () => {
		const storage = new FakeStorage()
		const { wal } = await RoomWal.open(storage, log)
		const durable: number[] = []
		wal.onDurable((clock) => durable.push(clock))
		wal.checkpoint(7)
		expect(durable).toEqual([7])
	})
})
