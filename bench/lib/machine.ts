import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './processes'

// What the figures were measured on, and how busy the machine was meanwhile: on a shared 2-core
// machine other people's builds and tests move every number, so the report says how much.

export interface MachineInfo {
	startedAt: string
	cpus: number
	cpuModel: string
	memoryGiB: number
	memoryAvailableGiB: number
	os: string
	node: string
	versions: Record<string, string>
	/** Full sha of HEAD. */
	commit: string
	/** Files of the working tree that differ from it, the bench's own outputs left out: the code measured is HEAD's when 0. */
	uncommittedFiles: number
	loadavgAtStart: [number, number, number]
}

/** What the bench writes, and the analysis it embeds: not the code it measures. */
const BENCH_OUTPUTS = ['BENCHMARKS.md', 'bench/results', 'bench/analysis.md']

function readVersion(name: string): string {
	try {
		return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
	} catch {
		return '?'
	}
}

function git(args: string[]): string {
	try {
		return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
	} catch {
		return ''
	}
}

export function machineInfo(): MachineInfo {
	const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : ''
	const meminfo = fs.existsSync('/proc/meminfo') ? fs.readFileSync('/proc/meminfo', 'utf8') : ''
	const availableKb = Number(/^MemAvailable:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0)
	const load = os.loadavg()
	return {
		startedAt: new Date().toISOString(),
		cpus: os.availableParallelism(),
		cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?',
		memoryGiB: os.totalmem() / 2 ** 30,
		memoryAvailableGiB: availableKb / 2 ** 20,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		versions: Object.fromEntries(
			['next', 'tldraw', '@tldraw/sync-core', 'partykit', 'react', '@libsql/client', '@playwright/test'].map((name) => [name, readVersion(name)]),
		),
		commit: git(['rev-parse', 'HEAD']) || 'unknown (not a git checkout)',
		uncommittedFiles: git(['status', '--porcelain', '--', '.', ...BENCH_OUTPUTS.map((file) => `:!${file}`)])
			.split('\n')
			.filter(Boolean).length,
		loadavgAtStart: [load[0] ?? 0, load[1] ?? 0, load[2] ?? 0],
	}
}

interface LoadReport {
	samples: number
	/** Share of the whole machine (all cores), averaged over the run. */
	machineBusyPct: number
	benchBusyPct: number
	/** Busy time not spent by the bench or anything it started: other people's work. */
	otherBusyPct: number
	otherBusyMaxPct: number
	loadavgMax: number
	loadavgAtEnd: [number, number, number]
}

/** The whole machine's CPU ticks since boot (all cores): busy, and busy + idle. */
export function cpuTotals(): { busy: number; total: number } {
	const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
	const fields = line.trim().split(/\s+/).slice(1).map(Number)
	const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields
	const busy = user + nice + system + irq + softirq + steal
	return { busy, total: busy + idle + iowait }
}

/** CPU ticks of this process, its reaped children and every live descendant. */
function benchTicks(): number {
	const parents = new Map<number, number>()
	const ticks = new Map<number, number>()
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			parents.set(Number(entry), Number(fields[1]))
			// utime, stime, cutime, cstime: fields 14–17 of stat, 11–14 after the comm.
			ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]))
		} catch {
			// Gone meanwhile.
		}
	}
	const ours = new Set([process.pid])
	for (let grew = true; grew; ) {
		grew = false
		for (const [pid, parent] of parents) {
			if (!ours.has(pid) && ours.has(parent)) {
				ours.add(pid)
				grew = true
			}
		}
	}
	let sum = 0
	for (const pid of ours) sum += ticks.get(pid) ?? 0
	return sum
}

type Point = { busy: number; total: number; bench: number }

/** Busy shares of the machine between the first and last point (all cores = 100 %). */
function shares(points: readonly Point[]): { machine: number; bench: number; other: number; otherMax: number } {
	let busy = 0
	let total = 0
	let bench = 0
	let otherMax = 0
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]
		const b = points[i]
		if (!a || !b || b.total <= a.total) continue
		const dBusy = b.busy - a.busy
		const dBench = Math.min(Math.max(0, b.bench - a.bench), dBusy)
		busy += dBusy
		total += b.total - a.total
		bench += dBench
		otherMax = Math.max(otherMax, ((dBusy - dBench) / (b.total - a.total)) * 100)
	}
	if (!total) return { machine: Number.NaN, bench: Number.NaN, other: Number.NaN, otherMax: Number.NaN }
	return { machine: (busy / total) * 100, bench: (bench / total) * 100, other: (Math.max(0, busy - bench) / total) * 100, otherMax }
}

function point(): Point | null {
	try {
		const { busy, total } = cpuTotals()
		return { busy, total, bench: benchTicks() }
	} catch {
		return null
	}
}

/**
 * Share of the machine other processes used over the next `ms` (not the bench, not what it
 * started): what --wait-quiet polls before each measurement.
 */
export async function otherBusyPctOver(ms: number): Promise<number> {
	const first = point()
	await new Promise((resolve) => setTimeout(resolve, ms))
	const second = point()
	return first && second ? shares([first, second]).other : Number.NaN
}

export interface LoadMonitor {
	/** Other processes' share since the previous segment() call (or the start): one measurement's conditions. */
	segment(): { otherBusyPct: number; otherBusyMaxPct: number }
	stop(): LoadReport
}

/** Samples the machine every `everyMs` until stopped. */
export function startLoadMonitor(everyMs = 5_000): LoadMonitor {
	const points: Point[] = []
	let loadavgMax = os.loadavg()[0] ?? 0
	let segmentStart = 0
	const take = () => {
		const next = point()
		if (next) points.push(next)
		loadavgMax = Math.max(loadavgMax, os.loadavg()[0] ?? 0)
	}
	take()
	const timer = setInterval(take, everyMs)
	timer.unref()
	return {
		segment() {
			take()
			const { other, otherMax } = shares(points.slice(segmentStart))
			segmentStart = points.length - 1
			return { otherBusyPct: other, otherBusyMaxPct: otherMax }
		},
		stop() {
			clearInterval(timer)
			take()
			const { machine, bench, other, otherMax } = shares(points)
			const load = os.loadavg()
			return {
				samples: points.length,
				machineBusyPct: machine,
				benchBusyPct: bench,
				otherBusyPct: other,
				otherBusyMaxPct: otherMax,
				loadavgMax,
				loadavgAtEnd: [load[0] ?? 0, load[1] ?? 0, load[2] ?? 0],
			}
		},
	}
}
