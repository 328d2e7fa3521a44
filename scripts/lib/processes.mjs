// Starts and stops the two servers Threatroom needs (Next.js and the PartyKit room runtime).
// Used by scripts/dev.mjs, scripts/start.mjs and, later, the test harness.

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { withoutDroppedSocketReports } from './benignPartyOutput.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// Same file and minimum as lib/env.ts, which reads it when the app runs without INTERNAL_SECRET.
const SECRET_FILE = path.join(ROOT, 'data', '.internal-secret')
const SECRET_MIN_LENGTH = 16
const STOP_GRACE_MS = 5_000
const HTTP_POLL_INTERVAL_MS = 250
const HTTP_ATTEMPT_TIMEOUT_MS = 2_000

const NEXT_BIN = packageBin('next')
const PARTYKIT_BIN = packageBin('partykit')

// Run the CLIs with our own node, not through .bin shims or a shell. Read from package.json's
// "bin" because partykit's "exports" hides its files from require.resolve.
/** @param {string} name */
function packageBin(name) {
	const dir = path.join(ROOT, 'node_modules', name)
	const { bin } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
	return path.join(dir, typeof bin === 'string' ? bin : bin[name])
}

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null }} ExitStatus */
/**
 * @typedef {object} ManagedProcess
 * @property {string} name
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<ExitStatus>} exited resolves when the process has exited, never rejects
 * @property {() => boolean} isRunning
 */
/** @typedef {(line: string, stream: 'stdout' | 'stderr') => void} OutputHandler */

/** @type {ManagedProcess[]} in start order */
const running = []

/** INTERNAL_SECRET from the environment, else data/.internal-secret, created on first use. */
export function ensureInternalSecret() {
	const fromEnv = process.env.INTERNAL_SECRET?.trim()
	if (fromEnv) return fromEnv
	const existing = readSecretFile()
	if (existing) return existing
	fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true })
	try {
		// 'wx' so a concurrently starting app (lib/env.ts) and this script agree on one secret.
		fs.writeFileSync(SECRET_FILE, `${randomBytes(24).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
	}
	const created = readSecretFile()
	if (!created) throw new Error(`${SECRET_FILE} is too short; delete it to generate a new secret`)
	return created
}

function readSecretFile() {
	if (!fs.existsSync(SECRET_FILE)) return undefined
	const secret = fs.readFileSync(SECRET_FILE, 'utf8').trim()
	return secret.length >= SECRET_MIN_LENGTH ? secret : undefined
}

/**
 * @param {{ mode: 'dev' | 'start', port: number, env?: Record<string, string>, hostname?: string, onOutput?: OutputHandler }} options
 * @returns {ManagedProcess}
 */
export function spawnNext({ mode, port, env = {}, hostname, onOutput }) {
	const args = [NEXT_BIN, mode, '--port', String(port)]
	if (hostname) args.push('--hostname', hostname)
	return spawnManaged('next', args, { NEXT_TELEMETRY_DISABLED: '1', ...env }, onOutput)
}

/**
 * Where `partykit dev` keeps the rooms' own storage (Durable Object storage: each room's write-ahead
 * copy of changes the app has not saved yet, party/roomWal.ts). Git-ignored. It must survive a
 * restart of the party, or a crash loses what the copy protects; tests give each run its own.
 */
export const DEFAULT_PARTY_STATE_DIR = path.join(ROOT, '.partykit', 'state')

/**
 * `partykit dev` is our room runtime in every mode: a single machine has no separate prod runner.
 * @param {{ port: number, appUrl: string, secret: string, persistDir?: string, env?: Record<string, string>, onOutput?: OutputHandler }} options
 * @returns {ManagedProcess}
 */
export function spawnParty({ port, appUrl, secret, persistDir = DEFAULT_PARTY_STATE_DIR, env = {}, onOutput }) {
	const args = [
		PARTYKIT_BIN,
		'dev',
		'--port',
		String(port),
		'--var',
		`INTERNAL_SECRET=${secret}`,
		'--var',
		`APP_URL=${appUrl}`,
		'--persist',
		persistDir,
		// Without it the runtime fetches request.cf metadata from Cloudflare on start.
		'--disable-request-cf-fetch',
		'--no-hotkeys',
	]
	return spawnManaged('party', args, { NO_UPDATE_NOTIFIER: '1', ...env }, withoutDroppedSocketReports(onOutput ?? prefixedOutput('party')))
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
 * @param {string} name
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {OutputHandler | undefined} onOutput
 * @returns {ManagedProcess}
 */
function spawnManaged(name, args, env, onOutput = prefixedOutput(name)) {
	// Own process group, so stopping reaches the workers next and partykit spawn (workerd, …),
	// and a terminal's Ctrl-C reaches only us: we decide the shutdown order.
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	})
	let exitStatus = /** @type {ExitStatus | undefined} */ (undefined)
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exitStatus = { code, signal }
			resolve(exitStatus)
		})
		child.once('error', (error) => {
			onOutput(`failed to start: ${error.message}`, 'stderr')
			exitStatus = { code: 1, signal: null }
			resolve(exitStatus)
		})
	})
	for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
		readline.createInterface({ input: child[stream] }).on('line', (line) => onOutput(line, stream))
	}
	/** @type {ManagedProcess} */
	const managed = { name, child, exited, isRunning: () => exitStatus === undefined }
	running.push(managed)
	return managed
}

const COLORS = { next: 36, party: 35 }

// Cursor moves and line erasures (partykit's terminal UI redraws itself) would wipe the other
// process's lines once interleaved; colours (…m) are kept.
const CURSOR_CONTROL = /\x1b\[[0-9;?]*[A-HJKSTfhlsu]/g

/** @param {string} name @returns {OutputHandler} */
export function prefixedOutput(name) {
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
 * Resolves once `url` answers with any HTTP status (the server is listening); rejects after timeoutMs.
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<number>} the status of the first answer
 */
export async function waitForHttp(url, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_ATTEMPT_TIMEOUT_MS), redirect: 'manual' })
			await response.body?.cancel()
			return response.status
		} catch {
			if (Date.now() >= deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
			await new Promise((resolve) => setTimeout(resolve, HTTP_POLL_INTERVAL_MS))
		}
	}
}

/** @param {ManagedProcess} managed @param {NodeJS.Signals} signal */
function signalGroup(managed, signal) {
	if (managed.child.pid === undefined) return
	try {
		process.kill(-managed.child.pid, signal)
	} catch {
		// ESRCH: the whole group is already gone.
	}
}

/** @param {ManagedProcess} managed @returns {Promise<ExitStatus>} */
async function stop(managed) {
	if (managed.isRunning()) {
		signalGroup(managed, 'SIGTERM')
		const timer = setTimeout(() => signalGroup(managed, 'SIGKILL'), STOP_GRACE_MS)
		await managed.exited
		clearTimeout(timer)
	}
	// The leader may exit before its workers; nothing of a stopped server may outlive it.
	signalGroup(managed, 'SIGKILL')
	return managed.exited
}

/**
 * Stops every process spawned here, newest first (the party before the app, so a last save can land).
 * @returns {Promise<void>}
 */
export async function stopAll() {
	for (const managed of [...running].reverse()) {
		await stop(managed)
		running.splice(running.indexOf(managed), 1)
	}
}

// Last resort if the parent exits without stopAll (an uncaught error, process.exit elsewhere).
process.once('exit', () => {
	for (const managed of running) signalGroup(managed, 'SIGKILL')
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
