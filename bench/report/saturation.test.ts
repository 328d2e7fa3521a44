import { describe, expect, it } from 'vitest'
import { roomsGrowth } from './saturation'
import type { RoomsSection } from './schema'

type Level = RoomsSection['levels'][number]

function level(rooms: number, cpu: { next: number; workerd: number; machine: number; harness?: number }): Level {
	return {
		rooms,
		clients: rooms * 10,
		edits: 10,
		p50: 60,
		p95: 70,
		p99: 80,
		max: 90,
		missing: 0,
		drops: 0,
		errors: 0,
		requests: 4,
		failedRequests: 0,
		requestP95Ms: { md: 30, csv: 20, json: 25, session: 10 },
		cpuPct: { next: cpu.next, workerd: cpu.workerd, harness: cpu.harness ?? 10 + rooms / 10 },
		machinePct: cpu.machine,
		rssMb: { next: 200 + rooms * 2, workerd: 100 + rooms * 0.5, harness: 150 + rooms },
	}
}

describe('roomsGrowth', () => {
	it('finds the process whose CPU line reaches 100 % first, and what each room adds', () => {
		const growth = roomsGrowth(
			[level(10, { next: 10, workerd: 5, machine: 12 }), level(50, { next: 30, workerd: 25, machine: 40 }), level(100, { next: 55, workerd: 50, machine: 72 })],
			4,
		)
		expect(growth.cpuPerRoom.next).toBeCloseTo(0.5, 1)
		expect(growth.mbPerRoom.next).toBeCloseTo(2)
		expect(growth.mbPerRoom.workerd).toBeCloseTo(0.5)
		expect(growth.first?.process).toBe('next')
		expect(growth.saturatesAt.workerd).toBeGreaterThan(growth.saturatesAt.next)
		expect(growth.saturatesAt.machine).toBeGreaterThan(growth.saturatesAt.next)
	})

	it('counts the machine full when the stack, not other people, uses all of its cores', () => {
		const growth = roomsGrowth([level(10, { next: 5, workerd: 5, machine: 100 }), level(100, { next: 50, workerd: 5, machine: 100 })], 1)
		expect(growth.first?.process).toBe('machine')
	})

	it('names none when nothing grows with the rooms', () => {
		const growth = roomsGrowth([level(1, { next: 5, workerd: 5, machine: 5, harness: 5 }), level(10, { next: 5, workerd: 5, machine: 5, harness: 5 })], 2)
		expect(growth.first).toBeNull()
		expect(growth.saturatesAt.next).toBe(Number.POSITIVE_INFINITY)
	})
})
