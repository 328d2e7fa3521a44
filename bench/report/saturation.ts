import { linearFit } from '../stats'
import type { RoomsSection } from './schema'

// Where many rooms saturate first, and what each room costs: least-squares lines of CPU and memory
// over the number of rooms, per process. A single-threaded process (the app's Next.js server,
// workerd running every room) is saturated at 100 % of one core; the machine when the stack (app,
// rooms and harness together) uses all of its cores — the measured machine share is not used for
// this, as on a shared machine it includes other people's work. The harness holds every simulated
// client, which real users' browsers would: it is reported, not counted as a process that saturates. Pure.

type Level = RoomsSection['levels'][number]

const SATURATING = ['next', 'workerd', 'machine'] as const
export type Saturating = (typeof SATURATING)[number]

export interface RoomsGrowth {
	/** CPU added per room, in % of one core (machine: the stack's share of all cores). */
	cpuPerRoom: { next: number; workerd: number; harness: number; machine: number }
	/** RSS added per room, MB. */
	mbPerRoom: { next: number; workerd: number; harness: number }
	/** Rooms at which each would reach 100 % on its line; Infinity where it does not grow. */
	saturatesAt: Record<Saturating, number>
	/** The first of them, or null when none grows. */
	first: { process: Saturating; rooms: number } | null
}

function line(levels: readonly Level[], of: (level: Level) => number) {
	return linearFit(levels.map((level) => ({ x: level.rooms, y: of(level) })))
}

function roomsAtFull({ slope, intercept }: { slope: number; intercept: number }): number {
	if (!(slope > 0)) return Number.POSITIVE_INFINITY
	return Math.max(0, (100 - intercept) / slope)
}

export function roomsGrowth(levels: readonly Level[], cpus: number): RoomsGrowth {
	const cpu = {
		next: line(levels, (level) => level.cpuPct.next),
		workerd: line(levels, (level) => level.cpuPct.workerd),
		harness: line(levels, (level) => level.cpuPct.harness),
		machine: line(levels, (level) => (level.cpuPct.next + level.cpuPct.workerd + level.cpuPct.harness) / cpus),
	}
	const saturatesAt = { next: roomsAtFull(cpu.next), workerd: roomsAtFull(cpu.workerd), machine: roomsAtFull(cpu.machine) }
	const earliest = SATURATING.map((process) => ({ process, rooms: saturatesAt[process] })).sort((a, b) => a.rooms - b.rooms)[0]
	return {
		cpuPerRoom: { next: cpu.next.slope, workerd: cpu.workerd.slope, harness: cpu.harness.slope, machine: cpu.machine.slope },
		mbPerRoom: {
			next: line(levels, (level) => level.rssMb.next).slope,
			workerd: line(levels, (level) => level.rssMb.workerd).slope,
			harness: line(levels, (level) => level.rssMb.harness).slope,
		},
		saturatesAt,
		first: earliest && Number.isFinite(earliest.rooms) ? earliest : null,
	}
}
