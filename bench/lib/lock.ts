import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from './processes'

// One bench process at a time per checkout: a run serves bench/.build/app while it measures, and a
// second run (or a tool reusing bench/lib) rebuilding it meanwhile would pull the files from under
// the first one's servers — and two benches on one machine would skew each other's figures anyway.
// The lock is a file naming the holder's pid; a lock whose process is gone is taken over.

const LOCK_FILE = path.join(ROOT, 'bench', '.build', 'bench.lock')

interface LockInfo {
	pid: number
	purpose: string
	startedAt: string
}

let held = false

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

/** Takes the checkout's bench lock for this process (re-entrant); throws if another live process holds it. */
export function acquireBenchLock(purpose: string): void {
	if (held) return
	fs.mkdirSync(path.dirname(LOCK_FILE), { recursive: true })
	const mine: LockInfo = { pid: process.pid, purpose, startedAt: new Date().toISOString() }
	// Two attempts: the second after removing a lock left by a process that no longer exists.
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(LOCK_FILE, JSON.stringify(mine), { flag: 'wx' })
			held = true
			process.once('exit', releaseBenchLock)
			return
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
			let holder: LockInfo | null = null
			try {
				holder = JSON.parse(fs.readFileSync(LOCK_FILE, 'utf8')) as LockInfo
			} catch {
				// Half-written or unreadable: treat as stale.
			}
			if (holder && alive(holder.pid)) {
				throw new Error(
					`another bench process (pid ${holder.pid}, ${holder.purpose}, since ${holder.startedAt}) is using bench/.build; wait for it to finish (lock: ${path.relative(ROOT, LOCK_FILE)})`,
				)
			}
			fs.rmSync(LOCK_FILE, { force: true })
		}
	}
	throw new Error(`could not take ${path.relative(ROOT, LOCK_FILE)}`)
}

function releaseBenchLock(): void {
	if (!held) return
	held = false
	try {
		const holder = JSON.parse(fs.readFileSync(LOCK_FILE, 'utf8')) as LockInfo
		if (holder.pid === process.pid) fs.rmSync(LOCK_FILE, { force: true })
	} catch {
		// Already gone.
	}
}
