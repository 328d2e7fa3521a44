import type { TLPageId } from '@tldraw/tlschema'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { POST as rotate } from '@/app/api/sessions/[id]/links/rotate/route'
import { PATCH as updateSession } from '@/app/api/sessions/[id]/route'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'
import { rotateLinkResponse } from '@/lib/api/linkSchemas'
import { parseCustomMessage, type ProjectMessage } from '@/lib/protocol/customMessages'
import { createSession } from '@/lib/db/sessionsRepo'
import { getEnv, resetEnvForTests } from '@/lib/env'
import { hashToken } from '@/lib/tokens'
import { dfdShape } from '../support/canvasRecords'
import { startDatabaseApp } from '../support/dbApp'
import { FAST_SAVES, SYNC_TIMEOUT_MS, loaded, usePartyHarness } from '../support/partyHarness'
import type { TestClient } from '../support/syncClient'

// The app telling the room what changed outside the canvas, through the real API and the real
// room: `partykit dev` runs the party against the app's own route handlers on a libSQL file
// (tests/support/dbApp.ts); the rotate route tells that party which link it revoked, and the
// session route which project prefix the facilitator set.

const harness = usePartyHarness({ ...FAST_SAVES, app: startDatabaseApp })

beforeAll(() => {
	// After the harness started the party: the app reaches it where the browser does.
	process.env.PARTY_INTERNAL_URL = `http://127.0.0.1:${harness.port}`
	resetEnvForTests()
	return () => {
		delete process.env.PARTY_INTERNAL_URL
		resetEnvForTests()
	}
})

function connect(sessionId: string, token: string, user: string): TestClient {
	return harness.connect(sessionId, token, user, user)
}

async function rotateLink(sessionId: string, facilitatorToken: string, role: string) {
	const response = await rotate(
		new Request(`http://localhost:3000/api/sessions/${sessionId}/links/rotate`, {
			method: 'POST',
			headers: { authorization: `Bearer ${facilitatorToken}`, 'content-type': 'application/json', host: 'localhost:3000' },
			body: JSON.stringify({ role }),
		}),
		{ params: Promise.resolve({ id: sessionId }) },
	)
	expect(response.status).toBe(200)
	const rotated = rotateLinkResponse.parse(await response.json())
	return { ...rotated, token: new URL(rotated.url).hash.slice(1) }
}

async function setProjectPrefix(sessionId: string, facilitatorToken: string, projectPrefix: string | null) {
	const response = await updateSession(
		new Request(`http://localhost:3000/api/sessions/${sessionId}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${facilitatorToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ projectPrefix }),
		}),
		{ params: Promise.resolve({ id: sessionId }) },
	)
	expect(response.status).toBe(200)
}

function projectMessagesOf(client: TestClient): ProjectMessage[] {
	return client.customMessages.flatMap((data) => {
		const message = parseCustomMessage(data)
		return message?.type === 'project' ? [message] : []
	})
}

const PAGE = 'page:page' as TLPageId

describe('rotating a link, through the real room', () => {
	it('closes the old link’s sockets with LINK_REVOKED, refuses it from then on, and lets the new one in', async () => {
		const { id, tokens } = await createSession({ name: 'Rotation', description: '', framework: 'STRIDE' })
		const facilitator = connect(id, tokens.facilitator, 'fiona')
		const leaked = connect(id, tokens.participant, 'pat')
		const leakedTwice = connect(id, tokens.participant, 'mallory')
		const observer = connect(id, tokens.observer, 'olga')
		await loaded(facilitator, leaked, leakedTwice, observer)

		const rotated = await rotateLink(id, tokens.facilitator, 'participant')
		expect(rotated.disconnected).toBe(2)
		await expect.poll(() => [leaked.syncError(), leakedTwice.syncError()], { timeout: SYNC_TIMEOUT_MS }).toEqual(['LINK_REVOKED', 'LINK_REVOKED'])

		// Everyone else stays, and keeps working together.
		const shape = dfdShape('dfd-process', PAGE, { name: 'Still here' })
		facilitator.store.put([shape])
		await expect.poll(() => observer.store.get(shape.id) !== undefined, { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect([facilitator.syncError(), observer.syncError()]).toEqual([null, null])
		// The revoked sockets got nothing after their close.
		expect(leaked.store.get(shape.id)).toBeUndefined()

		// The old token is refused at the door; the new one opens the session as a participant.
		const retry = connect(id, tokens.participant, 'pat')
		await expect.poll(() => retry.syncError(), { timeout: SYNC_TIMEOUT_MS }).toBe('NOT_AUTHENTICATED')
		expect(retry.isLoaded()).toBe(false)
		const rejoined = connect(id, rotated.token, 'pat')
		await loaded(rejoined)
		await expect.poll(() => rejoined.store.get(shape.id) !== undefined, { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		const drawn = dfdShape('dfd-store', PAGE, { name: 'Drawn with the new link' })
		rejoined.store.put([drawn])
		await expect.poll(() => facilitator.store.get(drawn.id) !== undefined, { timeout: SYNC_TIMEOUT_MS }).toBe(true)
	})

	it('answers a revocation without the shared secret with 401 and disconnects nobody', async () => {
		const { id, tokens } = await createSession({ name: 'Forged revocation', description: '', framework: 'STRIDE' })
		const participant = connect(id, tokens.participant, 'pat')
		const facilitator = connect(id, tokens.facilitator, 'fiona')
		await loaded(participant, facilitator)
		const body = JSON.stringify({ type: 'revoke-links', tokenHashes: [hashToken(tokens.participant)] })
		for (const secret of [undefined, 'guess-the-secret-0000', `${getEnv().INTERNAL_SECRET}x`]) {
			const headers: Record<string, string> = { 'content-type': 'application/json' }
			if (secret !== undefined) headers[INTERNAL_SECRET_HEADER] = secret
			const response = await fetch(`http://127.0.0.1:${harness.port}/party/${id}`, { method: 'POST', headers, body })
			expect(response.status).toBe(401)
		}
		const get = await fetch(`http://127.0.0.1:${harness.port}/party/${id}`, { headers: { [INTERNAL_SECRET_HEADER]: getEnv().INTERNAL_SECRET } })
		expect(get.status).toBe(405)
		// The participant still draws for everyone: a round trip through the room after the forgeries.
		const drawn = dfdShape('dfd-process', PAGE, { name: 'After the forgeries' })
		participant.store.put([drawn])
		await expect.poll(() => facilitator.store.get(drawn.id) !== undefined, { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(participant.syncError()).toBeNull()
	})

	it('never writes a token, or its hash, to the app’s or the party’s logs while people join, connect and rotate', async () => {
		const lines: string[] = []
		const capture = (...args: unknown[]) => lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '))
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture))
		const secrets: string[] = []
		try {
			const { id, tokens } = await createSession({ name: 'Quiet logs', description: '', framework: 'STRIDE' })
			secrets.push(...Object.values(tokens))
			const participant = connect(id, tokens.participant, 'pat')
			const facilitator = connect(id, tokens.facilitator, 'fiona')
			await loaded(participant, facilitator)
			connect(id, 'not-a-real-token-000000', 'eve')
			const rotated = await rotateLink(id, tokens.facilitator, 'participant')
			secrets.push(rotated.token)
			await expect.poll(() => participant.syncError(), { timeout: SYNC_TIMEOUT_MS }).toBe('LINK_REVOKED')
			const again = connect(id, tokens.participant, 'pat')
			await expect.poll(() => again.syncError(), { timeout: SYNC_TIMEOUT_MS }).toBe('NOT_AUTHENTICATED')
			await loaded(connect(id, rotated.token, 'pat'))
		} finally {
			for (const spy of spies) spy.mockRestore()
		}
		// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal colour codes of the party log are what this strips
		const partyLines = harness.partyOutput().replace(/\x1b\[[0-9;]*m/g, '')
		expect(partyLines).toContain(`POST /party/`) // the party did log the revocation's request line…
		for (const secret of [...secrets, ...secrets.map(hashToken)]) {
			expect(partyLines).not.toContain(secret) // …and its upgrades, but never a token or a hash
			for (const line of lines) expect(line).not.toContain(secret)
		}
	})
})

describe('changing the project prefix, through the real room', () => {
	it('tells every open page the new IDs, and a page that joins later too', async () => {
		const { id, tokens } = await createSession({ name: 'Prefix', description: '', framework: 'STRIDE' })
		const facilitator = connect(id, tokens.facilitator, 'fiona')
		const participant = connect(id, tokens.participant, 'pat')
		await loaded(facilitator, participant)
		expect(projectMessagesOf(participant)).toEqual([])

		await setProjectPrefix(id, tokens.facilitator, 'PAY')
		const pay = { type: 'project', projectPrefix: 'PAY', sessionNumber: 1 }
		await expect.poll(() => projectMessagesOf(participant), { timeout: SYNC_TIMEOUT_MS }).toEqual([pay])
		expect(projectMessagesOf(facilitator)).toEqual([pay])

		// A page served before the change, joining after it, learns it on joining.
		const late = connect(id, tokens.observer, 'olga')
		await loaded(late)
		await expect.poll(() => projectMessagesOf(late), { timeout: SYNC_TIMEOUT_MS }).toEqual([pay])

		await setProjectPrefix(id, tokens.facilitator, null)
		await expect.poll(() => projectMessagesOf(late).at(-1), { timeout: SYNC_TIMEOUT_MS }).toEqual({ ...pay, projectPrefix: null })
	})
})
