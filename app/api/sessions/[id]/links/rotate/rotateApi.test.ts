import { existsSync, readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'
import { LINK_REVOKED, LINK_REVOKED_MESSAGE, rotateLinkResponse } from '@/lib/api/linkSchemas'
import { createSessionResponse } from '@/lib/api/sessionSchemas'
import { getDb } from '@/lib/db/client'
import { linkTokens } from '@/lib/db/schema'
import { TEST_INTERNAL_SECRET, useTemporaryDatabase } from '@/tests/fixtures/database'
import { hashToken } from '@/lib/tokens'
import { useFakeParty } from '@/tests/support/fakeParty'
import { linkTokenStates } from '@/tests/support/rowCounts'
import { POST as authorize } from '../../../../internal/sessions/[id]/authorize/route'
import { GET as getSession } from '../../route'
import { POST as join } from '../../join/route'
import { POST as create } from '../../../route'
import { POST as rotate } from './route'

// POST /api/sessions/:id/links/rotate against a temporary database and a fake of the party's
// revocation endpoint (the real room's side is tests/integration/appToRoom.test.ts).

const database = useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const party = useFakeParty()

function context(id: string) {
	return { params: Promise.resolve({ id }) }
}

function tokenOf(url: string): string {
	return new URL(url).hash.slice(1)
}

async function createSession() {
	const response = await create(
		new Request(`${ORIGIN}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Payments' }) }),
	)
	const created = createSessionResponse.parse(await response.json())
	return {
		id: created.id,
		facilitator: tokenOf(created.facilitatorUrl),
		participant: tokenOf(created.participantUrl),
		productOwner: tokenOf(created.productOwnerUrl),
		observer: tokenOf(created.observerUrl),
	}
}

function rotateAs(id: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	const all: Record<string, string> = { 'content-type': 'application/json', host: 'localhost:3000', ...headers }
	if (token !== null) all.authorization = `Bearer ${token}`
	return rotate(
		new Request(`${ORIGIN}/api/sessions/${id}/links/rotate`, { method: 'POST', headers: all, body: typeof body === 'string' ? body : JSON.stringify(body) }),
		context(id),
	)
}

function joinWith(id: string, token: string): Promise<Response> {
	return join(
		new Request(`${ORIGIN}/api/sessions/${id}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }),
		context(id),
	)
}

describe('POST /api/sessions/:id/links/rotate', () => {
	it('gives the facilitator a new link, revokes the old one at once and tells the room which link went', async () => {
		const session = await createSession()
		party().answer = { disconnected: 2 }
		const before = party().requests.length

		const response = await rotateAs(session.id, session.facilitator, { role: 'participant' })
		expect(response.status).toBe(200)
		expect(response.headers.get('cache-control')).toBe('no-store')
		const rotated = rotateLinkResponse.parse(await response.json())
		expect(rotated).toMatchObject({ role: 'participant', disconnected: 2 })
		expect(rotated.url).toMatch(new RegExp(`^${ORIGIN}/s/${session.id}#[A-Za-z0-9_-]{24}$`))
		const fresh = tokenOf(rotated.url)

		// The room was told, with the shared secret, by the hash the database stores; never the token.
		expect(party().requests.slice(before)).toEqual([
			{
				method: 'POST',
				path: `/party/${session.id}`,
				secret: TEST_INTERNAL_SECRET,
				body: { type: 'revoke-links', tokenHashes: [hashToken(session.participant)] },
			},
		])

		// The old link is refused everywhere, and says why to whoever holds it; the new one works.
		const old = await joinWith(session.id, session.participant)
		expect(old.status).toBe(401)
		expect(await old.json()).toEqual({ error: LINK_REVOKED_MESSAGE, reason: LINK_REVOKED })
		const internal = await authorize(
			new Request(`${ORIGIN}/api/internal/sessions/${session.id}/authorize`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: TEST_INTERNAL_SECRET },
				body: JSON.stringify({ token: session.participant }),
			}),
			context(session.id),
		)
		expect(internal.status).toBe(401)
		const joined = await joinWith(session.id, fresh)
		expect(joined.status).toBe(200)
		expect(await joined.json()).toMatchObject({ role: 'participant' })

		// The other links are untouched.
		for (const token of [session.facilitator, session.productOwner, session.observer]) expect((await joinWith(session.id, token)).status).toBe(200)
	})

	it('rotates each of the participant, product-owner and observer links, again and again', async () => {
		const session = await createSession()
		party().answer = { disconnected: 0 }
		for (const role of ['participant', 'productOwner', 'observer'] as const) {
			let current = session[role]
			for (let round = 0; round < 2; round++) {
				const rotated = rotateLinkResponse.parse(await (await rotateAs(session.id, session.facilitator, { role })).json())
				const next = tokenOf(rotated.url)
				expect((await joinWith(session.id, current)).status).toBe(401)
				expect(await (await joinWith(session.id, next)).json()).toMatchObject({ role })
				current = next
			}
		}
		// Every rotation revoked exactly one link and issued one: 4 live links, 6 revoked.
		const db = await getDb()
		const rows = await db.select({ revokedAt: linkTokens.revokedAt }).from(linkTokens).where(eq(linkTokens.sessionId, session.id))
		expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(4)
		expect(rows.filter((row) => row.revokedAt !== null)).toHaveLength(6)
	})

	it('still answers 200 when the room cannot be told: the link is revoked all the same', async () => {
		const session = await createSession()
		const log = vi.spyOn(console, 'error').mockImplementation(() => {})
		party().answer = { status: 503 }
		const response = await rotateAs(session.id, session.facilitator, { role: 'observer' })
		party().answer = { disconnected: 0 }
		expect(response.status).toBe(200)
		expect(await response.json()).toMatchObject({ role: 'observer', disconnected: null })
		expect((await joinWith(session.id, session.observer)).status).toBe(401)
		expect(log).toHaveBeenCalledOnce()
		expect(String(log.mock.calls[0]?.[0])).not.toContain(hashToken(session.observer))
		log.mockRestore()
	})

	it('refuses anyone but this session’s facilitator, and the facilitator’s own link, changing nothing', async () => {
		const session = await createSession()
		const other = await createSession()
		const before = await linkTokenStates()
		const requestsBefore = party().requests.length
		const cases: Array<[string | null, unknown, number]> = [
			[null, { role: 'participant' }, 401],
			['x'.repeat(24), { role: 'participant' }, 401],
			[session.participant, { role: 'participant' }, 403],
			[session.productOwner, { role: 'observer' }, 403],
			[session.observer, { role: 'observer' }, 403],
			[other.facilitator, { role: 'participant' }, 403],
			[session.facilitator, { role: 'facilitator' }, 400],
			[session.facilitator, { role: 'admin' }, 400],
			[session.facilitator, {}, 400],
			[session.facilitator, [{ role: 'participant' }], 400],
		]
		for (const [token, body, status] of cases) expect((await rotateAs(session.id, token, body)).status, JSON.stringify([token, body])).toBe(status)
		expect(await linkTokenStates()).toEqual(before)
		expect(party().requests.length).toBe(requestsBefore)
	})

	it('answers 404 for an unknown session before looking at the token', async () => {
		expect((await rotateAs('unknownSess1', null, { role: 'participant' })).status).toBe(404)
		expect((await rotateAs('not a session!', null, { role: 'participant' })).status).toBe(404)
	})

	it('stores no token in plaintext: the database file and its journal hold only hashes', async () => {
		const session = await createSession()
		const rotated = rotateLinkResponse.parse(await (await rotateAs(session.id, session.facilitator, { role: 'productOwner' })).json())
		const tokens = [session.facilitator, session.participant, session.productOwner, session.observer, tokenOf(rotated.url)]
		const file = database.url().slice('file:'.length)
		const bytes = Buffer.concat([file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)))
		for (const token of tokens) {
			expect(bytes.includes(Buffer.from(token, 'utf8'))).toBe(false)
			expect(bytes.includes(Buffer.from(hashToken(token), 'utf8'))).toBe(true)
		}
	})

	it('keeps the old and new tokens out of every log line, including the party’s request path', async () => {
		const session = await createSession()
		const lines: string[] = []
		const capture = (...args: unknown[]) => lines.push(args.map(String).join(' '))
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture))
		try {
			party().answer = { status: 500 }
			const failed = rotateLinkResponse.parse(await (await rotateAs(session.id, session.facilitator, { role: 'participant' })).json())
			party().answer = { disconnected: 1 }
			const done = rotateLinkResponse.parse(await (await rotateAs(session.id, session.facilitator, { role: 'participant' })).json())
			await joinWith(session.id, session.participant)
			await getSession(
				new Request(`${ORIGIN}/api/sessions/${session.id}`, { headers: { authorization: `Bearer ${session.facilitator}` } }),
				context(session.id),
			)
			const secrets = [session.facilitator, session.participant, tokenOf(failed.url), tokenOf(done.url)]
			for (const secret of [...secrets, ...secrets.map(hashToken)]) {
				for (const line of lines) expect(line).not.toContain(secret)
			}
			expect(lines.length).toBeGreaterThan(0) // the failed notification was logged, just without secrets
		} finally {
			for (const spy of spies) spy.mockRestore()
			party().answer = { disconnected: 0 }
		}
	})
})
