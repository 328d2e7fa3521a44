import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

// Servers started by a test run in their own process group, so one signal reaches their children
// too (`partykit dev` runs workerd): a test must leave nothing behind, even when it fails. The bench
// stops its servers with the same stopProcessGroup and signalGroup.

const OUTPUT_LINES_KEPT = 1_000
const STOP_GRACE_MS = 5_000

export interface TestProcess {
	readonly child: ChildProcess
	/** The last lines it printed, for a failure message. */
	output(): string
	/** Resolves when the process has exited; never rejects. */
	readonly exited: Promise<void>
	/** Signals the whole group and waits for the leader to exit. */
	kill(signal?: NodeJS.Signals): Promise<void>
}

const running = new Set<TestProcess>()

export function spawnTestProcess(
	command: string,
	args: string[],
	options: { cwd?: string; env?: Record<string, string> } = {},
): TestProcess {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...process.env, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	})
	const lines: string[] = []
	const keep = (data: Buffer) => {
		lines.push(...data.toString('utf8').split('\n'))
		if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT)
	}
	child.stdout?.on('data', keep)
	child.stderr?.on('data', keep)
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => resolve())
		child.once('error', () => resolve())
	})
	const managed: TestProcess = {
		child,
		output: () => lines.join('\n'),
		exited,
		async kill(signal = 'SIGTERM') {
			await stopProcessGroup(child.pid, exited, signal)
			running.delete(managed)
		},
	}
	running.add(managed)
	return managed
}

/** For afterAll: stops every process the tests started and has not stopped yet. */
export async function killAllTestProcesses(): Promise<void> {
	// SIGTERM first lets a server reap its own children; kill() escalates to SIGKILL.
	await Promise.all([...running].map((managed) => managed.kill('SIGTERM')))
}

// Also when the test runner exits without running afterAll.
process.once('exit', () => {
	for (const managed of running) signalGroup(managed.child.pid, 'SIGKILL')
})

/**
 * Sends `signal` to the process group led by `pid` and waits for the leader to exit (`exited`),
 * escalating to SIGKILL after STOP_GRACE_MS; then SIGKILLs the group, as the leader can exit
 * before its children (workerd, next's workers).
 */
export async function stopProcessGroup(pid: number | undefined, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
	signalGroup(pid, signal)
	const escalate = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS)
	await exited
	clearTimeout(escalate)
	signalGroup(pid, 'SIGKILL')
}

/** Signals every process in the group led by `pid`; a no-op for a process that never started. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return
	try {
		process.kill(-pid, signal)
	} catch {
		// ESRCH: the whole group is gone already.
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			const port = typeof address === 'object' && address ? address.port : 0
			server.close(() => resolve(port))
		})
	})
}

/** Resolves once `url` answers with any HTTP status; rejects after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, owner?: TestProcess): Promise<void> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
			await response.body?.cancel()
			return
		} catch {
			if (owner && owner.child.exitCode !== null) {
				throw new Error(`the server exited before answering on ${url}:\n${owner.output()}`)
			}
			if (Date.now() > deadline) {
				throw new Error(`${url} did not answer within ${timeoutMs} ms${owner ? `:\n${owner.output()}` : ''}`)
			}
			await new Promise((resolve) => setTimeout(resolve, 200))
		}
	}
}

/** Resolves once nothing accepts connections on the port any more (a killed server is really gone). */
export async function waitForPortClosed(port: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs
	while (await accepts(port)) {
		if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

function accepts(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1')
		socket.once('connect', () => {
			socket.destroy()
			resolve(true)
		})
		socket.once('error', () => resolve(false))
	})
}
