import fs from 'node:fs'
import path from 'node:path'
import { type ManagedProcess, spawnManaged, stopAll } from '../../scripts/lib/processes.mjs'

// The bench starts its servers (next start ×2, partykit dev ×3) with scripts/lib/processes.mjs, as
// `npm start` and the tests do; this adds what only the bench needs: cleanups to run before they
// stop (a browser), builds run to completion, and the servers' memory read from /proc.
export { freePort, packageBin, waitForHttp, waitForPortClosed } from '../../scripts/lib/processes.mjs'

export const ROOT = path.resolve(import.meta.dirname, '../..')

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
	await stopAll()
}

/** Runs a command to completion (a build), output kept for the error; rejects on a non-zero exit or timeout. */
export async function runToCompletion(
	name: string,
	args: string[],
	{ cwd = ROOT, env = {}, timeoutMs, verbose = false }: { cwd?: string; env?: Record<string, string>; timeoutMs: number; verbose?: boolean },
): Promise<void> {
	const managed: ManagedProcess = spawnManaged(name, args, { cwd, env, onOutput: verbose ? echoed(name) : undefined })
	const timer = setTimeout(() => void managed.stop('SIGKILL'), timeoutMs)
	const { code, signal } = await managed.exited
	clearTimeout(timer)
	await managed.stop('SIGKILL')
	if (code !== 0) throw new Error(`${name} failed (exit ${code ?? signal}):\n${managed.output()}`)
}

/** A server's output on stderr with its name, for `--verbose`. */
export function echoed(name: string): (line: string) => void {
	return (line) => process.stderr.write(`[${name}] ${line}\n`)
}

/**
 * A server's processes: its process group and every descendant of its leader (the party is
 * partykit's node CLI, workerd and whatever they spawned), from /proc, with the CPU each has used
 * (utime + stime, in clock ticks).
 */
export function processTree(leaderPid: number | undefined): { pid: number; command: string; cpuTicks: number }[] {
	if (leaderPid === undefined) return []
	const processes = new Map<number, { ppid: number; pgrp: number; command: string; cpuTicks: number }>()
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
				// utime and stime: fields 14 and 15 of stat, 11 and 12 after the comm.
				cpuTicks: Number(fields[11]) + Number(fields[12]),
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
	return [...members].map((pid) => ({ pid, command: processes.get(pid)?.command ?? '?', cpuTicks: processes.get(pid)?.cpuTicks ?? 0 }))
}

/** Resident memory of a server's processes (processTree). Shared pages count once per process, as RSS does. */
export function processTreeRss(leaderPid: number | undefined): { totalMb: number; byProcess: { pid: number; command: string; rssMb: number }[] } {
	const byProcess: { pid: number; command: string; rssMb: number }[] = []
	for (const { pid, command } of processTree(leaderPid)) {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
			const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
			byProcess.push({ pid, command, rssMb: rssKb / 1024 })
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

export function partyMemory(leaderPid: number | undefined): PartyMemory {
	const { totalMb, byProcess } = processTreeRss(leaderPid)
	const workerdMb = byProcess.filter((entry) => entry.command === 'workerd').reduce((sum, entry) => sum + entry.rssMb, 0)
	return { treeMb: totalMb, workerdMb, processes: byProcess }
}
