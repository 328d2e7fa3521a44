import { setTimeout as sleep } from 'node:timers/promises'
import type { TLShape, TLShapeId } from '@tldraw/tlschema'
import { expect } from 'vitest'
import { SYNC_TIMEOUT_MS } from './partyHarness'
import type { TestClient } from './syncClient'

// Honest editing while a test abuses the room (fuzz, floods): people keep moving their shapes, and
// each move is timed until the other person has it.

const GAP_MS = 100

export interface Move {
	writer: TestClient
	reader: TestClient
	shapeId: TLShapeId
}

/**
 * Runs `moves` in turn, one every GAP_MS, until `stop` (or `budgetMs`, so a hung room fails the
 * test instead of running on); `stop` resolves with each move's latency in ms.
 */
export function timedMoves(moves: readonly Move[], budgetMs: number): { stop(): Promise<number[]> } {
	let stopped = false
	const latencies: number[] = []
	const done = (async () => {
		const until = Date.now() + budgetMs
		for (let turn = 1; !stopped && Date.now() < until; turn++) {
			const { writer, reader, shapeId } = moves[(turn - 1) % moves.length] as Move
			const startedAt = performance.now()
			writer.store.update(shapeId, (shape) => ({ ...shape, x: turn }))
			await expect.poll(() => (reader.store.get(shapeId) as TLShape | undefined)?.x, { timeout: SYNC_TIMEOUT_MS, interval: 2 }).toBe(turn)
			latencies.push(performance.now() - startedAt)
			await sleep(GAP_MS)
		}
	})()
	return {
		async stop() {
			stopped = true
			await done
			return latencies
		},
	}
}

/** The nearest-rank percentile (0–100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}
