// Starts, watches and stops the servers Threatroom runs on (Next.js and the PartyKit room runtime),
// for every caller: `npm run dev` and `npm start`, the integration and e2e tests, the bench. Each
// server runs in its own process group, so one signal reaches its children (workerd, next's
// workers), and nothing started here outlives the process that started it.

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { readOrCreateDevSecret } from '../../lib/devSecret.mjs'
import { withoutDroppedSocketReports } from './benignPartyOutput.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const STOP_GRACE_MS = 5_000
const HTTP_POLL_INTERVAL_MS = 250
const HTTP_ATTEMPT_TIMEOUT_MS = 2_000
const OUTPUT_LINES_KEPT = 1_000

// Run the CLIs with our own node, not through .bin shims or a shell. Read from package.json's
// "bin" because partykit's "exports" hides its files from require.resolve.
/** @param {string} name @returns {string} */
export function packageBin(name) {
	const dir = path.join(ROOT, 'node_modules', name)
	const { bin } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
	return path.join(dir, typeof bin === 'string' ? bin : bin[name])
}

const NEXT_BIN = packageBin('next')
const PARTYKIT_BIN = packageBin('partykit')

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null }} ExitStatus */
/**
 * @typedef {object} ManagedProcess
 * @property {string} name
 * @property {import('node:child_process').ChildProcess} child
 * @property {number | undefined} pid the leader's pid, which is also the process group's id
 * @property {Promise<ExitStatus>} exited resolves when the process has exited, never rejects
 * @property {() => boolean} isRunning
 * @property {() => string} output the last lines it printed, for a failure message
 * @property {(signal?: NodeJS.Signals) => Promise<ExitStatus>} stop signals the group (SIGTERM by default, SIGKILL after a grace period) and waits
 */
/** @typedef {(line: string, stream: 'stdout' | 'stderr') => void} OutputHandler */

/** @type {ManagedProcess[]} in start order */
const running = []

/** INTERNAL_SECRET from the environment, else data/.internal-secret, created on first use. */
export function ensureInternalSecret() {
	return process.env.INTERNAL_SECRET?.trim() || readOrCreateDevSecret(ROOT)
}

/**
 * `next dev` or `next start` from the repo root (where the app finds drizzle/ and data/); `dir`
 * serves another build or app (the bench's copies and its bare tldraw page).
 * @param {{ mode: 'dev' | 'start', port: number, dir?: string, env?: Record<string, string>, hostname?: string, name?: string, onOutput?: OutputHandler }} options
 * @returns {ManagedProcess}
 */
export function spawnNext({ mode, port, dir, env = {}, hostname, name = 'next', onOutput = prefixedOutput(name) }) {
	const args = [NEXT_BIN, mode, ...(dir ? [dir] : []), '--port', String(port)]
	if (hostname) args.push('--hostname', hostname)
	return spawnManaged(name, args, { env: { NEXT_TELEMETRY_DISABLED: '1', ...env }, onOutput })
}

/**
 * Where `partykit dev` keeps the rooms' own storage (Durable Object storage: each room's write-ahead
 * copy of changes the app has not saved yet, party/roomWal.ts). Git-ignored. It must survive a
 * restart of the party, or a crash loses what the copy protects; tests give each run its own.
 */
const DEFAULT_PARTY_STATE_DIR = path.join(ROOT, '.partykit', 'state')

/**
 * The `partykit dev` command line every caller uses: the party in `cwd`'s partykit.json (ours, or
 * the bench's bare and relay rooms), its variables, and the rooms' storage when they keep any.
 * @param {{ port: number, vars?: Record<string, string>, persistDir?: string }} options
 * @returns {string[]}
 */
export function partyDevArgs({ port, vars = {}, persistDir }) {
	const args = [PARTYKIT_BIN, 'dev', '--port', String(port)]
	for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}=${value}`)
	if (persistDir) args.push('--persist', persistDir)
	// Without it the runtime fetches request.cf metadata from Cloudflare on start.
	args.push('--disable-request-cf-fetch', '--no-hotkeys')
	return args
}

/**
 * `partykit dev` is our room runtime in every mode: a single machine has no separate prod runner.
 * `vars` adds party variables (e.g. PERSIST_DEBOUNCE_MS for tests); `cwd` runs a copy of the party.
 * @param {{ port: number, appUrl: string, secret: string, persistDir?: string, vars?: Record<string, string>, cwd?: string, env?: Record<string, string>, name?: string, onOutput?: OutputHandler }} options
 * @returns {ManagedProcess}
 */
export function spawnParty({
	port,
	appUrl,
	secret,
	persistDir = DEFAULT_PARTY_STATE_DIR,
	vars = {},
	cwd,
	env = {},
	name = 'party',
	onOutput = prefixedOutput(name),
}) {
	const args = partyDevArgs({ port, vars: { INTERNAL_SECRET: secret, APP_URL: appUrl, ...vars }, persistDir })
	return spawnManaged(name, args, { cwd, env: { NO_UPDATE_NOTIFIER: '1', ...env }, onOutput: withoutDroppedSocketReports(onOutput) })
}

/**
 * Any other party (the bench's bare and relay rooms): `partykit dev` in `cwd`, no variables.
 * @param {{ port: number, cwd: string, name: string, onOutput?: OutputHandler }} options
 * @returns {ManagedProcess}
 */
export function spawnOtherParty({ port, cwd, name, onOutput }) {
	return spawnManaged(name, partyDevArgs({ port }), { cwd, env: { NO_UPDATE_NOTIFIER: '1' }, onOutput })
}

/**
 * The app and its party, wired to each other: the app learns the party's port (to hand out party
 * URLs) and internal address, the party the app's internal address; both get the shared secret.
 * @param {{ mode: 'dev' | 'start', port: number, partyPort: number, secret: string, env?: Record<string, string> }} options
 * @returns {{ next: ManagedProcess, party: ManagedProcess }}
 */
export function spawnThreatroom({ mode, port, partyPort, secret, env = {} }) {
	const next = spawnNext({
		mode,
		port,
		// PARTY_INTERNAL_URL: how the app reaches the party itself (to close a rotated link's sockets).
		env: { PARTY_INTERNAL_URL: `http://127.0.0.1:${partyPort}`, ...env, INTERNAL_SECRET: secret, PARTY_PORT: String(partyPort) },
	})
	const party = spawnParty({ port: partyPort, appUrl: `http://127.0.0.1:${port}`, secret, env })
	return { next, party }
}

/**
 * Runs a Node CLI (`args[0]` is its script) with our own node in its own process group. Its output
 * goes to `onOutput` line by line (nowhere when unset) and its last lines are kept for `output()`.
 * @param {string} name
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, onOutput?: OutputHandler }} [options]
 * @returns {ManagedProcess}
 */
export function spawnManaged(name, args, { cwd = ROOT, env = {}, onOutput } = {}) {
	// Own process group, so stopping reaches the workers next and partykit spawn (workerd, …),
	// and a terminal's Ctrl-C reaches only us: we decide the shutdown order.
	const child = spawn(process.execPath, args, {
		cwd,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	})
	/** @type {string[]} */
	const lines = []
	/** @type {OutputHandler} */
	const keep = (line, stream) => {
		lines.push(line)
		if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT)
		onOutput?.(line, stream)
	}
	let exitStatus = /** @type {ExitStatus | undefined} */ (undefined)
	/** @type {Promise<ExitStatus>} */
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exitStatus = { code, signal }
			resolve(exitStatus)
		})
		child.once('error', (error) => {
			keep(`failed to start: ${error.message}`, 'stderr')
			exitStatus = { code: 1, signal: null }
			resolve(exitStatus)
		})
	})
	for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
		readline.createInterface({ input: child[stream] }).on('line', (line) => keep(line, stream))
	}
	/** @type {ManagedProcess} */
	const managed = {
		name,
		child,
		pid: child.pid,
		exited,
		isRunning: () => exitStatus === undefined,
		output: () => lines.join('\n'),
		async stop(signal = 'SIGTERM') {
			const status = await stop(managed, signal)
			const index = running.indexOf(managed)
			if (index !== -1) running.splice(index, 1)
			return status
		},
	}
	running.push(managed)
	return managed
}

const COLORS = { next: 36, party: 35 }

// Cursor moves and line erasures (partykit's terminal UI redraws itself) would wipe the other
// process's lines once interleaved; colours (…m) are kept.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal cursor codes of partykit dev are what this strips
const CURSOR_CONTROL = /\x1b\[[0-9;?]*[A-HJKSTfhlsu]/g

/** @param {string} name @returns {OutputHandler} */
function prefixedOutput(name) {
	const color = COLORS[/** @type {keyof typeof COLORS} */ (name)] ?? 33
	return (rawLine, stream) => {
		const line = rawLine.replace(CURSOR_CONTROL, '')
		if (line.trim() === '') return
		const target = stream === 'stdout' ? process.stdout : process.stderr
		const prefix = target.isTTY ? `\x1b[${color}m[${name}]\x1b[0m` : `[${name}]`
		target.write(`${prefix} ${line}\n`)
	}
}

/**
 * Resolves once `url` answers with any HTTP status (the server is listening); rejects after
 * timeoutMs, or as soon as `owner` (the server that should answer) exits, with what it printed.
 * @param {string} url
 * @param {number} [timeoutMs]
 * @param {ManagedProcess} [owner]
 * @returns {Promise<number>} the status of the first answer
 */
export async function waitForHttp(url, timeoutMs = 60_000, owner) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_ATTEMPT_TIMEOUT_MS), redirect: 'manual' })
			await response.body?.cancel()
			return response.status
		} catch {
			if (owner && !owner.isRunning()) throw new Error(`${owner.name} exited before answering on ${url}:\n${owner.output()}`)
			if (Date.now() >= deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms${owner ? `:\n${owner.output()}` : ''}`)
			await new Promise((resolve) => setTimeout(resolve, HTTP_POLL_INTERVAL_MS))
		}
	}
}

/** A port nothing listens on right now, on 127.0.0.1. @returns {Promise<number>} */
export function freePort() {
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

/**
 * Resolves once nothing accepts connections on the port any more (a killed server is really gone).
 * @param {number} port
 * @param {number} timeoutMs
 */
export async function waitForPortClosed(port, timeoutMs) {
	const deadline = Date.now() + timeoutMs
	while (await accepts(port)) {
		if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

/** @param {number} port @returns {Promise<boolean>} */
function accepts(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1')
		socket.once('connect', () => {
			socket.destroy()
			resolve(true)
		})
		socket.once('error', () => resolve(false))
	})
}

/**
 * Signals every process in the group led by `pid`; a no-op for a process that never started.
 * @param {number | undefined} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
	if (pid === undefined) return
	try {
		process.kill(-pid, signal)
	} catch {
		// ESRCH: the whole group is already gone.
	}
}

/** @param {ManagedProcess} managed @param {NodeJS.Signals} signal @returns {Promise<ExitStatus>} */
async function stop(managed, signal) {
	if (managed.isRunning()) {
		signalGroup(managed.pid, signal)
		const timer = setTimeout(() => signalGroup(managed.pid, 'SIGKILL'), STOP_GRACE_MS)
		await managed.exited
		clearTimeout(timer)
	}
	// The leader may exit before its workers; nothing of a stopped server may outlive it.
	signalGroup(managed.pid, 'SIGKILL')
	return managed.exited
}

/**
 * Stops every process spawned here, newest first (the party before the app, so a last save can land).
 * @returns {Promise<void>}
 */
export async function stopAll() {
	for (const managed of [...running].reverse()) await managed.stop()
}

// Last resort if the parent exits without stopAll (an uncaught error, process.exit elsewhere).
process.once('exit', () => {
	for (const managed of running) signalGroup(managed.pid, 'SIGKILL')
})

/**
 * Runs until Ctrl-C/SIGTERM (exit 0) or until one of `processes` exits on its own (exit 1),
 * stopping all of them either way.
 * @param {ManagedProcess[]} processes
 * @returns {Promise<never>}
 */
export async function superviseUntilExit(processes) {
	let stopping = false
	const requested = new Promise((resolve) => {
		for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
			process.on(signal, () => {
				// A second Ctrl-C means "now": don't wait for a graceful shutdown.
				if (stopping) process.exit(130)
				stopping = true
				resolve({ requested: signal })
			})
		}
	})
	const died = Promise.race(processes.map((managed) => managed.exited.then((status) => ({ managed, status }))))
	const first = await Promise.race([requested, died])
	stopping = true
	if ('managed' in first) {
		const { managed, status } = first
		console.error(`[${managed.name}] exited (${status.signal ?? `code ${status.code}`}); stopping the others`)
	}
	await stopAll()
	process.exit('managed' in first ? 1 : 0)
}

/** @param {string | undefined} value @param {number} fallback @param {string} name */
export function parsePort(value, fallback, name) {
	if (value === undefined || value.trim() === '') return fallback
	const port = Number(value)
	if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name} must be a port number, got "${value}"`)
	return port
}
