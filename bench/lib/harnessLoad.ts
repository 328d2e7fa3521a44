import { monitorEventLoopDelay } from 'node:perf_hooks'

// How busy the bench's own Node process was while it timed something: all clients of a level live
// in this one process, so at N = 200 it may be the harness, not the room, that is slow. CPU is in
// % of one core (its event loop runs on one); the loop delay's p95 is how late a timer or socket
// callback ran, which adds straight onto every measured latency.

interface HarnessLoad {
	cpuPct: number
	loopDelayP95Ms: number
}

export interface HarnessLoadMeter {
	stop(): HarnessLoad
}

const LOOP_DELAY_RESOLUTION_MS = 10

export function startHarnessLoad(): HarnessLoadMeter {
	const delay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })
	delay.enable()
	const cpuBefore = process.cpuUsage()
	const startedAt = performance.now()
	return {
		stop() {
			delay.disable()
			const cpu = process.cpuUsage(cpuBefore)
			const elapsedMs = performance.now() - startedAt
			// Reported in ns; the sampling resolution is part of every sample.
			const loopDelayP95Ms = Math.max(0, delay.percentile(95) / 1e6 - LOOP_DELAY_RESOLUTION_MS)
			return { cpuPct: elapsedMs > 0 ? ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100 : Number.NaN, loopDelayP95Ms }
		},
	}
}
