import { describe, expect, it } from 'vitest'
import { createSessionResponse, joinResponse, sessionDetailsResponse } from '@/lib/api/sessionSchemas'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { GET } from './[id]/route'
import { POST as join } from './[id]/join/route'
import { userIdFromKey } from '@/lib/protocol/identity'
import { POST as create } from './route'

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
	return new Request(`${ORIGIN}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', host: 'localhost:3000', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	})
}

function context(id: string) {
	return { params: Promise.resolve({ id }) }
}

function tokenOf(url: string): string {
	return new URL(url).hash.slice(1)
}

async function createSession(body: unknown = { name: 'Payments' }) {
	const response = await create(post('/api/sessions', body))
	expect(response.status).toBe(201)
	return createSessionResponse.parse(await response.json())
}

function getSession(id: string, token?: string): Promise<Response> {
	const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` }
	return GET(new Request(`${ORIGIN}/api/sessions/${id}`, { headers }), context(id))
}

describe('POST /api/sessions', () => {
	it('creates a session and answers 201 with one link per role, the token in the fragment', async () => {
		const created = await createSession({ name: '  Payments  ', framework: 'LINDDUN' })
		const urls = [created.facilitatorUrl, created.participantUrl, created.productOwnerUrl, created.observerUrl]
		for (const url of urls) expect(url).toMatch(new RegExp(`^${ORIGIN}/s/${created.id}#[A-Za-z0-9_-]{24}$`))
		expect(new Set(urls.map(tokenOf)).size).toBe(4)
	})

	it('builds links from the forwarded origin of a proxy', async () => {
		const response = await create(post('/api/sessions', { name: 'x' }, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'threat.example' }))
		const created = createSessionResponse.parse(await response.json())
		expect(created.facilitatorUrl.startsWith(`https://threat.example/s/${created.id}#`)).toBe(true)
	})

	it('answers 400 with the offending field for an invalid body', async () => {
		const response = await create(post('/api/sessions', { name: '', framework: 'PASTA' }))
		expect(response.status).toBe(400)
		const body = await response.json()
		expect(body.error).toBe('Invalid request')
		expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(['name', 'framework'])
	})

	it('answers 400 for a body that is not JSON', async () => {
		const response = await create(post('/api/sessions', '{name:'))
		expect(response.status).toBe(400)
		expect(await response.json()).toEqual({ error: 'Invalid JSON' })
	})

	it('answers 413 for a body over 64 KiB', async () => {
		const response = await create(post('/api/sessions', { name: 'x', description: 'd'.repeat(65 * 1024) }))
		expect(response.status).toBe(413)
		expect(await response.json()).toEqual({ error: 'Body too large', limit: 64 * 1024 })
	})
})

describe('GET /api/sessions/:id', () => {
	it('gives the facilitator the session, its elements and its workshop records', async () => {
		const created = await createSession({ name: 'Payments', description: 'Q3', framework: 'CIA' })
		const element = {
			shapeId: 'shape:p',
			humanId: 'P1',
			kind: 'process' as const,
			name: 'Checkout',
			description: '',
			outOfScope: false,
			reasonOutOfScope: '',
			properties: {},
			pageId: 'page:main',
			sourceShapeId: null,
			targetShapeId: null,
		}
		await saveCanvas(created.id, { snapshot: { ...roomSnapshotOf([], 1) }, clock: 1, humanIdCounters: { P: 1 }, elements: [element] })

		const response = await getSession(created.id, tokenOf(created.facilitatorUrl))
		expect(response.status).toBe(200)
		const body = sessionDetailsResponse.parse(await response.json())
		expect(body.session).toMatchObject({ id: created.id, name: 'Payments', description: 'Q3', framework: 'CIA', status: 'active' })
		expect(body.session.createdAt).toBeGreaterThan(0)
		expect(body.elements).toEqual([element])
		// The workshop records have their own test (sessionRecordsApi.test.ts); a canvas without any has none.
		expect(body).toMatchObject({ threats: [], naMarks: [], scopeItems: [], phaseEvents: [], timerEvents: [] })
		expect(body.coverage).toMatchObject({ covered: 0, applicable: 3 }) // CIA asks three questions of P1
	})

	it('answers 401 without a bearer token or with an unknown one', async () => {
		const created = await createSession()
		expect((await getSession(created.id)).status).toBe(401)
		expect((await getSession(created.id, 'x'.repeat(24))).status).toBe(401)
	})

	it('answers 403 to the token of another role or of another session', async () => {
		const created = await createSession()
		const other = await createSession()
		expect((await getSession(created.id, tokenOf(created.participantUrl))).status).toBe(403)
		expect((await getSession(created.id, tokenOf(created.observerUrl))).status).toBe(403)
		expect((await getSession(created.id, tokenOf(other.facilitatorUrl))).status).toBe(403)
	})

	it('answers 404 for an unknown session, before looking at the token', async () => {
		expect((await getSession('unknownSess1')).status).toBe(404)
		expect((await getSession('not a valid id!')).status).toBe(404)
	})
})

describe('POST /api/sessions/:id/join', () => {
	function joinAs(id: string, token: unknown, headers: Record<string, string> = {}): Promise<Response> {
		return join(post(`/api/sessions/${id}/join`, { token }, headers), context(id))
	}

	it('tells each link holder their role, the session and where the party is', async () => {
		const created = await createSession({ name: 'Payments', framework: 'DIE' })
		const cases = [
			[created.facilitatorUrl, 'facilitator'],
			[created.participantUrl, 'participant'],
			[created.productOwnerUrl, 'productOwner'],
			[created.observerUrl, 'observer'],
		] as const
		for (const [url, role] of cases) {
			const response = await joinAs(created.id, tokenOf(url))
			expect(response.status).toBe(200)
			expect(joinResponse.parse(await response.json())).toEqual({
				role,
				session: { id: created.id, name: 'Payments', description: '', framework: 'DIE', status: 'active', projectPrefix: null, sessionNumber: 1 },
				partyUrl: 'ws://localhost:1999',
			})
		}
	})

	it('answers 401 "This link is not valid" for a wrong, empty or foreign token', async () => {
		const created = await createSession()
		const other = await createSession()
		for (const token of ['wrong', '', tokenOf(other.facilitatorUrl)]) {
			const response = await joinAs(created.id, token)
			expect(response.status).toBe(401)
			expect(await response.json()).toEqual({ error: 'This link is not valid' })
		}
	})

	it('answers 404 "This link is not valid" for an unknown session', async () => {
		const created = await createSession()
		const response = await joinAs('unknownSess1', tokenOf(created.facilitatorUrl))
		expect(response.status).toBe(404)
		expect(await response.json()).toEqual({ error: 'This link is not valid' })
	})

	it('answers 400 when the token is not a string', async () => {
		const created = await createSession()
		expect((await joinAs(created.id, 42)).status).toBe(400)
	})

	it('answers the public id the room will derive from the browser key, and refuses a malformed key', async () => {
		const created = await createSession()
		const token = tokenOf(created.participantUrl)
		const userKey = 'browser-secret-key-0000001'
		const ok = await join(post(`/api/sessions/${created.id}/join`, { token, userKey }), context(created.id))
		expect(joinResponse.parse(await ok.json()).userId).toBe(await userIdFromKey(userKey))
		const bad = await join(post(`/api/sessions/${created.id}/join`, { token, userKey: 'short' }), context(created.id))
		expect(bad.status).toBe(400)
	})
})
