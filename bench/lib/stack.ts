import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
	type BenchProcess,
	freePort,
	packageBin,
	ROOT,
	spawnBenchProcess,
	waitForHttp,
	waitForPortClosed,
} from './processes'

// Everything one bench run talks to, all on 127.0.0.1 and free ports:
//   ours:  `next start` of the app's production build (fresh libSQL file) + `partykit dev` of party/
//   bare:  `partykit dev` of bench/bareParty (TLSocketRoom, nothing else)
//   relay: `partykit dev` of bench/relayParty (rebroadcast only)
//   page:  `next start` of bench/bareTldraw's production build
// Wired as scripts/lib/processes.mjs wires `npm start` (same flags and variables).

const PARTYKIT_BIN = packageBin('partykit')
const NEXT_BIN = packageBin('next')
const START_TIMEOUT_MS = 90_000

export interface BenchStack {
	appUrl: string
	/** ws://127.0.0.1:<port> */
	partyUrl: string
	partyPort: number
	secret: string
	databaseFile: string
	barePartyUrl: string
	relayHost: string
	bareAppUrl: string
	/** The party process of ours (its group leader), for the memory benchmark. */
	party(): BenchProcess
	/** A fresh party process of ours (every room unloaded), e.g. before measuring memory. */
	restartParty(): Promise<void>
	/** Lines the party of ours printed, for timings and errors it reports. */
	partyOutput(): string
	tempDir: string
}

function partyArgs(port: number, vars: Record<string, string>): string[] {
	const args = [PARTYKIT_BIN, 'dev', '--port', String(port)]
	for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}=${value}`)
	// Without it the runtime fetches request.cf metadata from Cloudflare on start.
	args.push('--disable-request-cf-fetch', '--no-hotkeys')
	return args
}

export async function startStack({ appDir, bareAppDir, verbose }: { appDir: string; bareAppDir: string; verbose: boolean }): Promise<BenchStack> {
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-bench-'))
	const databaseFile = path.join(tempDir, 'threatroom.db')
	const secret = `bench-${randomBytes(18).toString('base64url')}`
	const [appPort, partyPort, barePort, relayPort, bareAppPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()]
	const appUrl = `http://127.0.0.1:${appPort}`
	const partyEnv = { NO_UPDATE_NOTIFIER: '1' }

	// cwd = the repo root, as `npm start`: the app resolves drizzle/ from it; `next start <dir>` serves the build in dir.
	const app = spawnBenchProcess('next start (threatroom)', [NEXT_BIN, 'start', appDir, '--port', String(appPort), '--hostname', '127.0.0.1'], {
		env: {
			NEXT_TELEMETRY_DISABLED: '1',
			DATABASE_URL: `file:${databaseFile}`,
			INTERNAL_SECRET: secret,
			PARTY_PORT: String(partyPort),
		},
		verbose,
	})
	const startParty = () =>
		spawnBenchProcess('party (threatroom)', partyArgs(partyPort, { INTERNAL_SECRET: secret, APP_URL: appUrl }), { env: partyEnv, verbose })
	let party = startParty()
	const bare = spawnBenchProcess('party (bare)', partyArgs(barePort, {}), { cwd: path.join(ROOT, 'bench', 'bareParty'), env: partyEnv, verbose })
	const relay = spawnBenchProcess('party (relay)', partyArgs(relayPort, {}), { cwd: path.join(ROOT, 'bench', 'relayParty'), env: partyEnv, verbose })
	const bareApp = spawnBenchProcess('next start (bare tldraw)', [NEXT_BIN, 'start', bareAppDir, '--port', String(bareAppPort), '--hostname', '127.0.0.1'], {
		env: { NEXT_TELEMETRY_DISABLED: '1' },
		verbose,
	})
	await Promise.all([
		waitForHttp(`${appUrl}/`, START_TIMEOUT_MS, app),
		waitForHttp(`http://127.0.0.1:${partyPort}/`, START_TIMEOUT_MS, party),
		waitForHttp(`http://127.0.0.1:${barePort}/`, START_TIMEOUT_MS, bare),
		waitForHttp(`http://127.0.0.1:${relayPort}/`, START_TIMEOUT_MS, relay),
		waitForHttp(`http://127.0.0.1:${bareAppPort}/`, START_TIMEOUT_MS, bareApp),
	])

	return {
		appUrl,
		partyUrl: `ws://127.0.0.1:${partyPort}`,
		partyPort,
		secret,
		databaseFile,
		barePartyUrl: `ws://127.0.0.1:${barePort}`,
		relayHost: `127.0.0.1:${relayPort}`,
		bareAppUrl: `http://127.0.0.1:${bareAppPort}`,
		party: () => party,
		partyOutput: () => party.output(),
		async restartParty() {
			await party.stop('SIGTERM')
			await waitForPortClosed(partyPort, 10_000)
			party = startParty()
			await waitForHttp(`http://127.0.0.1:${partyPort}/`, START_TIMEOUT_MS, party)
		},
		tempDir,
	}
}
