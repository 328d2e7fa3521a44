import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { signalGroup, stopProcessGroup } from '../../tests/support/processes'

// Every server the bench starts (next start ×2, partykit dev ×3, their children: workerd, …) runs
// in its own process group, is registered here and stopped by stopAllProcesses — from run.ts's
// finally, from its SIGINT/SIGTERM handlers, and as a last resort on process exit. Modelled on
// scripts/lib/processes.mjs and tests/support/processes.ts, with the process group's pid exposed
// for the memory benchmark; stopping a group and the port helpers are the tests' own, so bench and
// e2e stop servers and pick and free ports the same way.
export { freePort, waitForPortClosed } from '../../tests/support/processes'

export const ROOT = path.resolve(import.meta.dirname, '../..')

const OUTPUT_LINES_KEPT = 300
const HTTP_POLL_INTERVAL_MS = 200
const HTTP_ATTEMPT_TIMEOUT_MS = 2_000

export interface BenchProcess {
	readonly name: string
	readonly child: ChildProcess
	/** The leader's pid, which is also the process group id. */
	readonly pid: number
	output(): string
	readonly exited: Promise<void>
	isRunning(): boolean
	stop(signal?: NodeJS.Signals): Promise<void>
}

const running = new Set<BenchProcess>()

/** A CLI of a package of the repo, run with our own node (bin path read from its package.json). */
export function packageBin(name: string): string {
	const dir = path.join(ROOT, 'node_modules', name)
	const { bin } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> }
	return path.join(dir, typeof bin === 'string' ? bin : (bin[name] ?? ''))
}

export function spawnBenchProcess(
	name: string,
	args: string[],
	{ cwd = ROOT, env = {}, verbose = false }: { cwd?: string; env?: Record<string, string>; verbose?: boolean } = {},
): BenchProcess {
	const child = spawn(process.execPath, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	})
	if (child.pid === undefined) throw new Error(`${name} did not start`)
	const lines: string[] = []
	const keep = (data: Buffer) => {
		const text = data.toString('utf8')
		if (verbose) process.stderr.write(text.replace(/^/gm, `[${name}] `))
		lines.push(...text.split('\n'))
		if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT)
	}
	child.stdout?.on('data', keep)
	child.stderr?.on('data', keep)
	let exitedFlag = false
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => {
			exitedFlag = true
			resolve()
		})
		child.once('error', () => {
			exitedFlag = true
			resolve()
		})
	})
	const pid = child.pid
	const managed: BenchProcess = {
		name,
		child,
		pid,
		output: () => lines.join('\n'),
		exited,
		isRunning: () => !exitedFlag,
		async stop(signal = 'SIGTERM') {
			await stopProcessGroup(pid, exited, signal)
			running.delete(managed)
		},
	}
	running.add(managed)
	return managed
}

const cleanups = new Set<() => Promise<void>>()

/** Something else to undo on the way out (a browser): run by stopAllProcesses before the servers stop. */
export function registerCleanup(cleanup: () => Promise<void>): () => void {
	cleanups.add(cleanup)
	return () => cleanups.delete(cleanup)
}

/** Stops every process started here, newest first; safe to call more than once. */
export async function stopAllProcesses(): Promise<void> {
	for (const cleanup of [...cleanups]) {
		cleanups.delete(cleanup)
		await cleanup().catch(() => {})
	}
	for (const managed of [...running].reverse()) await managed.stop('SIGTERM')
}

process.once('exit', () => {
	for (const managed of running) signalGroup(managed.pid, 'SIGKILL')
})

/** Resolves once `url` answers with any HTTP status; rejects after timeoutMs or when `owner` exits. */
export async function waitForHttp(url: string, timeoutMs: number, owner?: BenchProcess): Promise<void> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_ATTEMPT_TIMEOUT_MS), redirect: 'manual' })
			await response.body?.cancel()
			return
		} catch {
			if (owner && !owner.isRunning()) throw new Error(`${owner.name} exited before answering on ${url}:\n${owner.output()}`)
			if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms${owner ? `:\n${owner.output()}` : ''}`)
			await new Promise((resolve) => setTimeout(resolve, HTTP_POLL_INTERVAL_MS))
		}
	}
}

/** Runs a command to completion (a build), output kept for the error; rejects on a non-zero exit or timeout. */
export async function runToCompletion(
	name: string,
	args: string[],
	{ cwd = ROOT, env = {}, timeoutMs, verbose = false }: { cwd?: string; env?: Record<string, string>; timeoutMs: number; verbose?: boolean },
): Promise<void> {
	const managed = spawnBenchProcess(name, args, { cwd, env, verbose })
	const timer = setTimeout(() => void managed.stop('SIGKILL'), timeoutMs)
	await managed.exited
	clearTimeout(timer)
	const code = managed.child.exitCode
	await managed.stop('SIGKILL')
	if (code !== 0) throw new Error(`${name} failed (exit ${code ?? managed.child.signalCode}):\n${managed.output()}`)
}

/**
 * Resident memory of a server: its process group and every descendant of its leader (the party is
 * partykit's node CLI, workerd and whatever they spawned), summed from /proc. Shared pages count
 * once per process, as RSS does.
 */
export function processTreeRss(leaderPid: number): { totalMb: number; byProcess: { pid: number; command: string; rssMb: number }[] } {
	const processes = new Map<number, { ppid: number; pgrp: number; command: string }>()
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
			// comm may contain spaces and parentheses: the fields after it start at the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
			processes.set(Number(entry), {
				ppid: Number(fields[1]),
				pgrp: Number(fields[2]),
				command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
			})
		} catch {
			// The process exited while we read /proc.
		}
	}
	const members = new Set<number>()
	for (const [pid, info] of processes) if (pid === leaderPid || info.pgrp === leaderPid) members.add(pid)
	// Descendants that left the group (a child started in its own session) still belong to the server.
	for (let grew = true; grew; ) {
		grew = false
		for (const [pid, info] of processes) {
			if (!members.has(pid) && members.has(info.ppid)) {
				members.add(pid)
				grew = true
			}
		}
	}
	const byProcess: { pid: number; command: string; rssMb: number }[] = []
	for (const pid of members) {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
			const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
			byProcess.push({ pid, command: processes.get(pid)?.command ?? '?', rssMb: rssKb / 1024 })
		} catch {
			// Exited meanwhile.
		}
	}
	return { totalMb: byProcess.reduce((sum, entry) => sum + entry.rssMb, 0), byProcess }
}

export interface PartyMemory {
	treeMb: number
	/** workerd alone: where the rooms run. The rest of the tree is partykit's CLI and its esbuild. */
	workerdMb: number
	processes: { command: string; rssMb: number }[]
}

export function partyMemory(leaderPid: number): PartyMemory {
	const { totalMb, byProcess } = processTreeRss(leaderPid)
	const workerdMb = byProcess.filter((entry) => entry.command === 'workerd').reduce((sum, entry) => sum + entry.rssMb, 0)
	return { treeMb: totalMb, workerdMb, processes: byProcess }
}
