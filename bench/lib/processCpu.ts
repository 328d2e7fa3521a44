import { cpuTotals } from './machine'
import { processTree, processTreeRss } from './processes'
import type { BenchStack } from './stack'

// Where the CPU goes while many rooms run: the app (`next start`), the rooms' runtime (workerd)
// and the bench process holding every client, each in % of one core (each has one JS thread that
// saturates at 100 %), and the whole machine (all cores = 100 %). Read from /proc at the start and
// end of a window.

/** USER_HZ: the unit of /proc's CPU times on Linux. */
const CLOCK_TICKS_PER_S = 100

export const CPU_PROCESSES = ['next', 'workerd', 'harness'] as const
export type CpuProcess = (typeof CPU_PROCESSES)[number]

interface CpuPoint {
	at: number
	seconds: Record<CpuProcess, number>
	machine: { busy: number; total: number }
}

function cpuSeconds(stack: BenchStack): Record<CpuProcess, number> {
	const ticks = (processes: { cpuTicks: number }[]) => processes.reduce((sum, entry) => sum + entry.cpuTicks, 0) / CLOCK_TICKS_PER_S
	const own = process.cpuUsage()
	return {
		next: ticks(processTree(stack.app().pid)),
		workerd: ticks(processTree(stack.party().pid).filter((entry) => entry.command === 'workerd')),
		harness: (own.user + own.system) / 1e6,
	}
}

function cpuPoint(stack: BenchStack): CpuPoint {
	return { at: performance.now(), seconds: cpuSeconds(stack), machine: cpuTotals() }
}

export interface CpuWindow {
	/** % of one core per process over the window. */
	pct: Record<CpuProcess, number>
	/** % of the whole machine (all cores = 100). */
	machinePct: number
}

export function startCpuWindow(stack: BenchStack): { stop(): CpuWindow } {
	const start = cpuPoint(stack)
	return {
		stop() {
			const end = cpuPoint(stack)
			const wallS = (end.at - start.at) / 1000
			const pctOf = (process: CpuProcess) => ((end.seconds[process] - start.seconds[process]) / wallS) * 100
			const total = end.machine.total - start.machine.total
			return {
				pct: { next: pctOf('next'), workerd: pctOf('workerd'), harness: pctOf('harness') },
				machinePct: total > 0 ? ((end.machine.busy - start.machine.busy) / total) * 100 : Number.NaN,
			}
		},
	}
}

/** Resident memory now, MB: the app's process tree, workerd alone, the bench process. */
export function processRssMb(stack: BenchStack): Record<CpuProcess, number> {
	const party = processTreeRss(stack.party().pid)
	return {
		next: processTreeRss(stack.app().pid).totalMb,
		workerd: party.byProcess.filter((entry) => entry.command === 'workerd').reduce((sum, entry) => sum + entry.rssMb, 0),
		harness: process.memoryUsage.rss() / 2 ** 20,
	}
}
