import { userIdFromKey } from '@/lib/protocol/identity'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TLRecord } from '@tldraw/tlschema'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { freePort, type ManagedProcess, spawnParty, stopAll, waitForHttp, waitForPortClosed } from '../../scripts/lib/processes.mjs'
import { parseCustomMessage, type RejectedMessage } from '@/lib/protocol/customMessages'
import { type FakeApp, type FakeSession, startFakeApp } from './fakeApp'
import { recordsOfSnapshot } from './savedRecords'
import { connectTestClient, type TestClient } from './syncClient'

// The real room in `partykit dev` (workerd) against a fake of the app's internal API, for a test
// file: started once before its tests, stopped after, every client closed after each test.

const PARTY_START_TIMEOUT_MS = 90_000
export const SYNC_TIMEOUT_MS = 30_000

/** What the party talks to as "the app": the in-memory fake, or the real routes over a libSQL file (dbApp.ts). */
export interface AppServer {
	readonly url: string
	close(): Promise<void>
}

export interface PartyHarness<App extends AppServer = FakeApp> {
	readonly app: App
	readonly port: number
	readonly party: ManagedProcess
	/** `user` names a test person; the client sends that person's key (see userKeyFor). */
	connect(sessionId: string, token: string, name?: string, user?: string): TestClient
	/** Kills the party hard (a crash) and starts it again on the same port, with the same room storage. */
	crashAndRestart(): Promise<void>
	/** Everything the party printed since the harness started it, across restarts. */
	partyOutput(): string
}

export interface PartyHarnessOptions {
	/**
	 * The room's quiet time before a save (`PERSIST_DEBOUNCE_MS` party var); the production 1 s when
	 * unset. Tests that only wait for a save to happen, not for when, pass a short one: most of their
	 * time would otherwise be spent waiting for it.
	 */
	persistDebounceMs?: number
}

export interface PartyHarnessAppOptions<App extends AppServer> extends PartyHarnessOptions {
	/** Starts the app the party loads from and saves to (default: the in-memory fake). */
	app: (secret: string) => Promise<App>
}

/** Saves 50 ms after the last change: for tests that wait for saves but do not time them. */
export const FAST_SAVES: PartyHarnessOptions = { persistDebounceMs: 50 }

export function usePartyHarness(options?: PartyHarnessOptions): PartyHarness<FakeApp>
export function usePartyHarness<App extends AppServer>(options: PartyHarnessAppOptions<App>): PartyHarness<App>
export function usePartyHarness<App extends AppServer>({
	persistDebounceMs,
	app: startApp = startFakeApp as unknown as (secret: string) => Promise<App>,
}: Partial<PartyHarnessAppOptions<App>> = {}): PartyHarness<App> {
	const secret = randomBytes(18).toString('base64url')
	const clients: TestClient[] = []
	let app: App | undefined
	let port = 0
	let party: ManagedProcess | undefined
	// The rooms' own storage (their write-ahead copies), fresh for this file: kept across a crash
	// and restart, as on a real host, but never shared with another file or run.
	let persistDir: string | undefined
	const earlierOutput: string[] = []

	async function startParty(): Promise<void> {
		if (!app || !persistDir) throw new Error('the harness is not started (use it inside a test)')
		party = spawnParty({
			port,
			appUrl: app.url,
			secret,
			persistDir,
			vars: persistDebounceMs === undefined ? {} : { PERSIST_DEBOUNCE_MS: String(persistDebounceMs) },
			// Kept for a failing test's message (party.output()), not printed.
			onOutput: () => {},
		})
		await waitForHttp(`http://127.0.0.1:${port}/`, PARTY_START_TIMEOUT_MS, party)
	}

	beforeAll(async () => {
		persistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-party-state-'))
		app = await startApp(secret)
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
		await stopAll()
		await app?.close()
		if (persistDir) fs.rmSync(persistDir, { recursive: true, force: true })
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
			const crashed = started(party, 'the party')
			await crashed.stop('SIGKILL')
			earlierOutput.push(crashed.output())
			await waitForPortClosed(port, 5_000)
			await startParty()
		},
		partyOutput: () => [...earlierOutput, party?.output() ?? ''].join('\n'),
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
