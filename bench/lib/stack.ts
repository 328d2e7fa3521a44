import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { partyRunDir } from './build'
import { type ManagedProcess, spawnNext, spawnOtherParty, spawnParty } from '../../scripts/lib/processes.mjs'
import { echoed, freePort, processTreeRss, ROOT, waitForHttp, waitForPortClosed } from './processes'

// Everything one bench run talks to, all on 127.0.0.1 and free ports:
//   ours:  `next start` of the app's production build (fresh libSQL file) + `partykit dev` of party/
//   bare:  `partykit dev` of bench/bareParty (TLSocketRoom, nothing else)
//   relay: `partykit dev` of bench/relayParty (rebroadcast only)
//   page:  `next start` of bench/bareTldraw's production build
// Started and wired by scripts/lib/processes.mjs, as `npm start` is (same flags and variables).

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
	/** `next start` of ours (its group leader), for its CPU and memory under many rooms. */
	app(): ManagedProcess
	/** The party process of ours (its group leader), for the memory benchmark. */
	party(): ManagedProcess
	/** A fresh party process of ours (every room unloaded), e.g. before measuring memory. */
	restartParty(): Promise<void>
	/** Where our party's sources for this run live (a copy): remove after the party stopped. */
	partyDir: string
	/** Lines the party of ours printed, for timings and errors it reports. */
	partyOutput(): string
	/** The pids of our party's workerd: a change means the runtime reloaded and every room with it. */
	partyRuntimePids(): string
	tempDir: string
}

/**
 * `baselines: false` starts only ours (app + party), e.g. for the soak (bench/soak.ts): the bare
 * room, the relay and the bare page are not started and their URLs are empty.
 */
export async function startStack({
	appDir,
	bareAppDir = '',
	verbose,
	baselines = true,
}: {
	appDir: string
	bareAppDir?: string
	verbose: boolean
	baselines?: boolean
}): Promise<BenchStack> {
	const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-bench-'))
	const databaseFile = path.join(tempDir, 'threatroom.db')
	const secret = `bench-${randomBytes(18).toString('base64url')}`
	const [appPort, partyPort, barePort, relayPort, bareAppPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()]
	const appUrl = `http://127.0.0.1:${appPort}`
	const output = (name: string) => (verbose ? echoed(name) : () => {})

	// cwd = the repo root, as `npm start`: the app resolves drizzle/ from it; `next start <dir>` serves the build in dir.
	const app = spawnNext({
		mode: 'start',
		dir: appDir,
		port: appPort,
		hostname: '127.0.0.1',
		env: { DATABASE_URL: `file:${databaseFile}`, INTERNAL_SECRET: secret, PARTY_PORT: String(partyPort) },
		name: 'next start (threatroom)',
		onOutput: output('next start (threatroom)'),
	})
	// From a copy of the app's snapshot made for this run (bench/.build/party-run-<pid>): `partykit dev`
	// reloads its rooms whenever a source file it bundled changes, and others edit the repo (and may
	// rebuild the snapshot) while the bench runs.
	// The rooms' own storage (their write-ahead copies, party/roomWal.ts) in this run's directory.
	const partyDir = partyRunDir(appDir)
	// run.ts removes it too; this covers any other user of the stack (bench/soak.ts) and crashes.
	process.once('exit', () => fs.rmSync(partyDir, { recursive: true, force: true }))
	const startParty = () =>
		spawnParty({
			port: partyPort,
			appUrl,
			secret,
			persistDir: path.join(tempDir, 'party-state'),
			cwd: partyDir,
			name: 'party (threatroom)',
			onOutput: output('party (threatroom)'),
		})
	let party = startParty()
	const earlierPartyOutput: string[] = []
	const waits = [waitForHttp(`${appUrl}/`, START_TIMEOUT_MS, app), waitForHttp(`http://127.0.0.1:${partyPort}/`, START_TIMEOUT_MS, party)]
	if (baselines) {
		const other = (name: string, port: number, dir: string) => spawnOtherParty({ port, cwd: path.join(ROOT, 'bench', dir), name, onOutput: output(name) })
		const bare = other('party (bare)', barePort, 'bareParty')
		const relay = other('party (relay)', relayPort, 'relayParty')
		const bareApp = spawnNext({
			mode: 'start',
			dir: bareAppDir,
			port: bareAppPort,
			hostname: '127.0.0.1',
			name: 'next start (bare tldraw)',
			onOutput: output('next start (bare tldraw)'),
		})
		waits.push(
			waitForHttp(`http://127.0.0.1:${barePort}/`, START_TIMEOUT_MS, bare),
			waitForHttp(`http://127.0.0.1:${relayPort}/`, START_TIMEOUT_MS, relay),
			waitForHttp(`http://127.0.0.1:${bareAppPort}/`, START_TIMEOUT_MS, bareApp),
		)
	}
	await Promise.all(waits)

	return {
		appUrl,
		partyUrl: `ws://127.0.0.1:${partyPort}`,
		partyPort,
		secret,
		databaseFile,
		barePartyUrl: baselines ? `ws://127.0.0.1:${barePort}` : '',
		relayHost: baselines ? `127.0.0.1:${relayPort}` : '',
		bareAppUrl: baselines ? `http://127.0.0.1:${bareAppPort}` : '',
		app: () => app,
		party: () => party,
		partyDir,
		partyOutput: () => [...earlierPartyOutput, party.output()].join('\n--- party restarted by the bench ---\n'),
		partyRuntimePids: () =>
			processTreeRss(party.pid)
				.byProcess.filter((entry) => entry.command === 'workerd')
				.map((entry) => entry.pid)
				.sort()
				.join(','),
		async restartParty() {
			earlierPartyOutput.push(party.output())
			await party.stop('SIGTERM')
			await waitForPortClosed(partyPort, 10_000)
			party = startParty()
			await waitForHttp(`http://127.0.0.1:${partyPort}/`, START_TIMEOUT_MS, party)
		},
		tempDir,
	}
}
