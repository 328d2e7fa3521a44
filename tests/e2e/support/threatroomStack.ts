import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, type ManagedProcess, spawnNext, spawnParty, stopAll, waitForHttp, waitForPortClosed } from '../../../scripts/lib/processes.mjs'

export interface ThreatroomStack {
	appUrl: string
	partyUrl: string
	databaseFile: string
	/**
	 * Kills the party with SIGKILL, as a crash would, and starts it again on the same port with the
	 * same room storage (this stack's own directory, so no other run's rooms leak in).
	 */
	crashAndRestartParty(): Promise<void>
	/** What the party printed since it (first) started, newest last; kept across restarts. */
	partyOutput(): string[]
	/** The same for the Next.js app (the database path). */
	crashAndRestartApp(): Promise<void>
	stop(): Promise<void>
}

/**
 * The production build (`next start`, built by `npm test` before Playwright runs) and a
 * `partykit dev` room runtime on free ports, with a fresh libSQL file — what a user runs, isolated
 * per spec file.
 */
export async function startThreatroomStack(): Promise<ThreatroomStack> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-e2e-'))
	const databaseFile = path.join(dir, 'threatroom.db')
	const [appPort, partyPort] = [await freePort(), await freePort()]
	const secret = `e2e-secret-${Math.random().toString(36).slice(2)}-${Date.now()}`
	const appUrl = `http://127.0.0.1:${appPort}`
	const quiet = () => {}
	const partyLines: string[] = []
	const keepPartyLine = (line: string) => {
		partyLines.push(line)
		if (partyLines.length > 2_000) partyLines.splice(0, partyLines.length - 2_000)
		if (process.env.E2E_VERBOSE) console.log(`[party] ${line}`)
	}
	let app: ManagedProcess
	const startApp = async () => {
		app = spawnNext({
			mode: 'start',
			port: appPort,
			hostname: '127.0.0.1',
			env: {
				DATABASE_URL: `file:${databaseFile}`,
				INTERNAL_SECRET: secret,
				PARTY_PORT: String(partyPort),
				PARTY_INTERNAL_URL: `http://127.0.0.1:${partyPort}`,
			},
			onOutput: process.env.E2E_VERBOSE ? undefined : quiet,
		})
		await waitForHttp(`${appUrl}/`, 180_000, app)
	}
	let party: ManagedProcess
	const startParty = async () => {
		party = spawnParty({
			port: partyPort,
			appUrl,
			secret,
			persistDir: path.join(dir, 'party-state'),
			onOutput: keepPartyLine,
		})
		await waitForHttp(`http://127.0.0.1:${partyPort}/`, 180_000, party)
	}
	const crash = async (managed: ManagedProcess, port: number) => {
		await managed.stop('SIGKILL')
		// The leader can go before its children (workerd, next's workers): the new one needs the port.
		await waitForPortClosed(port, 10_000)
	}
	await Promise.all([startApp(), startParty()])
	return {
		appUrl,
		partyUrl: `ws://127.0.0.1:${partyPort}`,
		databaseFile,
		async crashAndRestartParty() {
			await crash(party, partyPort)
			await startParty()
		},
		partyOutput: () => [...partyLines],
		async crashAndRestartApp() {
			await crash(app, appPort)
			await startApp()
		},
		async stop() {
			await stopAll()
			fs.rmSync(dir, { recursive: true, force: true })
		},
	}
}
