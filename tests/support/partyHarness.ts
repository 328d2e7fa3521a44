import { userIdFromKey } from '@/lib/protocol/identity'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { TLRecord } from '@tldraw/tlschema'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { parseCustomMessage, type RejectedMessage } from '@/lib/protocol/customMessages'
import { type FakeApp, type FakeSession, startFakeApp } from './fakeApp'
import { freePort, killAllTestProcesses, spawnTestProcess, type TestProcess, waitForHttp, waitForPortClosed } from './processes'
import { recordsOfSnapshot } from './savedRecords'
import { connectTestClient, type TestClient } from './syncClient'

// The real room in `partykit dev` (workerd) against a fake of the app's internal API, for a test
// file: started once before its tests, stopped after, every client closed after each test.

const ROOT = path.resolve(import.meta.dirname, '../..')
// Not reachable through the package's `exports`.
const PARTYKIT_BIN = path.join(ROOT, 'node_modules', 'partykit', 'dist', 'bin.mjs')
const PARTY_START_TIMEOUT_MS = 90_000
export const SYNC_TIMEOUT_MS = 10_000

export interface PartyHarness {
	readonly app: FakeApp
	readonly port: number
	readonly party: TestProcess
	/** `user` names a test person; the client sends that person's key (see userKeyFor). */
	connect(sessionId: string, token: string, name?: string, user?: string): TestClient
	/** Kills the party hard (a crash) and starts it again on the same port. */
	crashAndRestart(): Promise<void>
}

export interface PartyHarnessOptions {
	/**
	 * The room's quiet time before a save (`PERSIST_DEBOUNCE_MS` party var); the production 1 s when
	 * unset. Tests that only wait for a save to happen, not for when, pass a short one: most of their
	 * time would otherwise be spent waiting for it.
	 */
	persistDebounceMs?: number
}

/** Saves 50 ms after the last change: for tests that wait for saves but do not time them. */
export const FAST_SAVES: PartyHarnessOptions = { persistDebounceMs: 50 }

export function usePartyHarness({ persistDebounceMs }: PartyHarnessOptions = {}): PartyHarness {
	const secret = randomBytes(18).toString('base64url')
	const clients: TestClient[] = []
	let app: FakeApp | undefined
	let port = 0
	let party: TestProcess | undefined

	async function startParty(): Promise<void> {
		if (!app) throw new Error('the fake app is not running')
		party = spawnTestProcess(
			process.execPath,
			[
				PARTYKIT_BIN,
				'dev',
				'--port',
				String(port),
				'--var',
				`INTERNAL_SECRET=${secret}`,
				'--var',
				`APP_URL=${app.url}`,
				...(persistDebounceMs === undefined ? [] : ['--var', `PERSIST_DEBOUNCE_MS=${persistDebounceMs}`]),
				'--disable-request-cf-fetch',
				'--no-hotkeys',
			],
			{ cwd: ROOT, env: { NO_UPDATE_NOTIFIER: '1' } },
		)
		await waitForHttp(`http://127.0.0.1:${port}/`, PARTY_START_TIMEOUT_MS, party)
	}

	beforeAll(async () => {
		app = await startFakeApp(secret)
		port = await freePort()
		await startParty()
	})
	beforeEach(({ onTestFailed }) => {
		onTestFailed(() => console.error(`party output:\n${party?.output()}`))
	})
	afterEach(() => {
		for (const client of clients.splice(0)) client.close()
	})
	afterAll(async () => {
		for (const client of clients.splice(0)) client.close()
		await killAllTestProcesses()
		await app?.close()
	})

	function started<T>(value: T | undefined, what: string): T {
		if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`)
		return value
	}

	return {
		get app() {
			return started(app, 'the fake app')
		},
		get port() {
			return port
		},
		get party() {
			return started(party, 'the party')
		},
		connect(sessionId, token, name = 'Tester', user) {
			const query: Record<string, string> = { token, name }
			if (user) query.userKey = userKeyFor(user)
			const client = connectTestClient(`http://127.0.0.1:${port}`, sessionId, query)
			clients.push(client)
			return client
		},
		async crashAndRestart() {
			await started(party, 'the party').kill('SIGKILL')
			await waitForPortClosed(port, 5_000)
			await startParty()
		},
	}
}

export async function loaded(...toLoad: TestClient[]): Promise<void> {
	await expect.poll(() => toLoad.every((client) => client.isLoaded()), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
}

/** The `rejected` messages the room sent this client, oldest first. */
export function rejectionsOf(client: TestClient): RejectedMessage[] {
	return client.customMessages.flatMap((data) => {
		const message = parseCustomMessage(data)
		return message?.type === 'rejected' ? [message] : []
	})
}

/** Every record of the latest snapshot the room saved to the app, both lanes. */
export function lastSavedRecords(session: FakeSession): TLRecord[] {
	return recordsOfSnapshot(session.saves.at(-1)?.snapshot)
}

/** A fixed secret key per test person, as a browser keeps one in localStorage. */
export function userKeyFor(user: string): string {
	return `${user}-test-user-key`.padEnd(24, '0')
}

/** The public id the room derives for a test person: what their records carry as author. */
export function userIdFor(user: string): Promise<string> {
	return userIdFromKey(userKeyFor(user))
}
