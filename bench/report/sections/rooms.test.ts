import { describe, expect, it } from 'vitest'
import type { RoomsSection } from '../schema'
import { renderRooms } from './rooms'

type Level = RoomsSection['levels'][number]

function level(rooms: number, p95: number, health: Partial<Level> = {}): Level {
	return {
		rooms,
		clients: rooms * 10,
		edits: rooms * 20,
		p50: 60,
		p95,
		p99: p95 + 10,
		max: p95 + 20,
		missing: 0,
		drops: 0,
		errors: 0,
		requests: rooms * 6,
		failedRequests: 0,
		requestP95Ms: { md: 40, csv: 30, json: 50, session: 10 },
		cpuPct: { next: rooms * 0.5, workerd: rooms * 0.25, harness: rooms * 0.2 },
		machinePct: 20 + rooms * 0.5,
		rssMb: { next: 200 + rooms, workerd: 100 + rooms * 0.5, harness: 150 + rooms * 2 },
		...health,
	}
}

function section(levels: Level[]): RoomsSection {
	return {
		provenance: { commit: 'f'.repeat(40), dirty: false, measuredAt: '2026-12-06T02:00:00.000Z', node: 'v22.23.5', otherBusyPct: 5, otherBusyMaxPct: 10 },
		setup: { clientsPerRoom: 10, seconds: 30, editGapMs: [1_000, 2_000], requestEveryMs: 5_000, cpus: 2 },
		levels,
	}
}

describe('renderRooms', () => {
	it('judges the p95 at 100 rooms against 100 ms and names what saturates first', () => {
		const rendered = renderRooms(section([level(1, 70), level(50, 75), level(100, 80)]), { judged: true })
		expect(rendered.summary[0]?.verdict.ok).toBe(true)
		expect(rendered.figures['rooms.r100.p95']).toBe('80 ms')
		expect(rendered.figures['rooms.r100.appWorst.p95']).toBe('50 ms')
		expect(rendered.figures['rooms.saturation']).toMatch(/^the app \(Next\.js\) first, at ≈ 200 rooms/)
		expect(rendered.figures['rooms.perRoom.mb.workerd']).toBe('0.5 MB')
		expect(rendered.body[0]).toBe('## 8. Many rooms')
	})

	it('counts a dropped client or a failed export as a miss, however fast the edits', () => {
		const rendered = renderRooms(section([level(1, 70), level(100, 80, { failedRequests: 1 })]), { judged: true })
		expect(rendered.summary[0]?.verdict.ok).toBe(false)
	})

	it('does not judge a run that stopped short of 100 rooms as met', () => {
		const rendered = renderRooms(section([level(1, 70), level(50, 75)]), { judged: true })
		expect(rendered.summary[0]?.verdict.ok).toBe(false)
	})
})
