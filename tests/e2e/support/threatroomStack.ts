import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { spawnNext, spawnParty, stopAll, waitForHttp } from '../../../scripts/lib/processes.mjs'

type ManagedProcess = ReturnType<typeof spawnParty>

export interface ThreatroomStack {
	appUrl: string
	partyUrl: string
	databaseFile: string
	/** Kills the party with SIGKILL, as a crash would, and starts it again on the same port. */
	crashAndRestartParty(): Promise<void>
	/** The same for the Next.js app (the database path). */
	crashAndRestartApp(): Promise<void>
	stop(): Promise<void>
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
		})
	})
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
	let app: ManagedProcess
	const startApp = async () => {
		app = spawnNext({
			mode: 'start',
			port: appPort,
			hostname: '127.0.0.1',
			env: { DATABASE_URL: `file:${databaseFile}`, INTERNAL_SECRET: secret, PARTY_PORT: String(partyPort) },
			onOutput: process.env.E2E_VERBOSE ? undefined : quiet,
		})
		await waitForHttp(`${appUrl}/`, 60_000)
	}
	let party: ManagedProcess
	const startParty = async () => {
		party = spawnParty({
			port: partyPort,
			appUrl,
			secret,
			onOutput: process.env.E2E_VERBOSE ? undefined : quiet,
		})
		await waitForHttp(`http://127.0.0.1:${partyPort}/`, 60_000)
	}
	const crash = async (managed: ManagedProcess) => {
		if (managed.child.pid !== undefined) process.kill(-managed.child.pid, 'SIGKILL')
		await managed.exited
	}
	await Promise.all([startApp(), startParty()])
	return {
		appUrl,
		partyUrl: `ws://127.0.0.1:${partyPort}`,
		databaseFile,
		async crashAndRestartParty() {
			await crash(party)
			await startParty()
		},
		async crashAndRestartApp() {
			await crash(app)
			await startApp()
		},
		async stop() {
			await stopAll()
			fs.rmSync(dir, { recursive: true, force: true })
		},
	}
}
