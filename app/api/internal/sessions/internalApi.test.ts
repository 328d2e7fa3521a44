import { describe, expect, it } from 'vitest'
import { canvasStateResponse, INTERNAL_SECRET_HEADER, type SaveCanvasBody } from '@/lib/api/internalSchemas'
import { createSession } from '@/lib/db/sessionsRepo'
import { TEST_INTERNAL_SECRET, useTemporaryDatabase } from '@/tests/fixtures/database'
import { POST as authorize } from './[id]/authorize/route'
import { GET as getCanvas, PUT as putCanvas } from './[id]/canvas/route'

useTemporaryDatabase()

const BASE = 'http://localhost:3000/api/internal/sessions'

function request(method: string, path: string, body?: unknown, secret: string | null = TEST_INTERNAL_SECRET): Request {
	const headers: Record<string, string> = { 'content-type': 'application/json' }
	if (secret !== null) headers[INTERNAL_SECRET_HEADER] = secret
	return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
}

function context(id: string) {
	return { params: Promise.resolve({ id }) }
}

function save(clock: number, name = 'Checkout'): SaveCanvasBody {
	return {
		snapshot: { documents: [], schema: {}, clock },
		clock,
		humanIdCounters: { P: 1 },
		elements: [
			{
				shapeId: 'shape:p',
				humanId: 'P1',
				kind: 'process',
				name,
				description: '',
				outOfScope: false,
				reasonOutOfScope: '',
				properties: {},
				pageId: 'page:main',
				sourceShapeId: null,
				targetShapeId: null,
			},
		],
	}
}

describe('internal API', () => {
	it('answers 401 to a missing or wrong shared secret on every route', async () => {
		const { id, tokens } = await createSession({ name: 'x', description: '', framework: 'STRIDE' })
		for (const secret of [null, 'wrong', `${TEST_INTERNAL_SECRET}x`]) {
			const responses = [
				await authorize(request('POST', `/${id}/authorize`, { token: tokens.facilitator }, secret), context(id)),
				await getCanvas(request('GET', `/${id}/canvas`, undefined, secret), context(id)),
				await putCanvas(request('PUT', `/${id}/canvas`, save(1), secret), context(id)),
			]
			expect(responses.map((response) => response.status)).toEqual([401, 401, 401])
		}
	})

	it('authorizes a token with the role it was issued for', async () => {
		const { id, tokens } = await createSession({ name: 'x', description: '', framework: 'STRIDE' })
		const response = await authorize(request('POST', `/${id}/authorize`, { token: tokens.observer }), context(id))
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ role: 'observer' })
	})

	it('refuses an unknown token with 401 and an unknown session with 404', async () => {
		const { id, tokens } = await createSession({ name: 'x', description: '', framework: 'STRIDE' })
		expect((await authorize(request('POST', `/${id}/authorize`, { token: 'nope' }), context(id))).status).toBe(401)
		const unknown = 'unknownSess1'
		expect((await authorize(request('POST', `/${unknown}/authorize`, { token: tokens.facilitator }), context(unknown))).status).toBe(404)
	})

	it("starts a never-saved canvas empty at clock 0, with the session's framework for the room's category checks", async () => {
		const { id } = await createSession({ name: 'x', description: '', framework: 'LINDDUN' })
		const response = await getCanvas(request('GET', `/${id}/canvas`), context(id))
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ snapshot: null, clock: 0, humanIdCounters: {}, framework: 'LINDDUN' })
	})

	it('saves the canvas, loads it back and ignores an older save', async () => {
		const { id } = await createSession({ name: 'x', description: '', framework: 'STRIDE' })
		const first = await putCanvas(request('PUT', `/${id}/canvas`, save(4)), context(id))
		expect(await first.json()).toEqual({ saved: true, clock: 4 })

		const stale = await putCanvas(request('PUT', `/${id}/canvas`, save(3, 'stale')), context(id))
		expect(stale.status).toBe(200)
		expect(await stale.json()).toEqual({ saved: false, clock: 4 })

		const loaded = canvasStateResponse.parse(await (await getCanvas(request('GET', `/${id}/canvas`), context(id))).json())
		expect(loaded).toEqual({ snapshot: save(4).snapshot, clock: 4, humanIdCounters: { P: 1 }, framework: 'STRIDE' })
	})

	it('answers 404 for the canvas of an unknown session', async () => {
		const unknown = 'unknownSess1'
		expect((await getCanvas(request('GET', `/${unknown}/canvas`), context(unknown))).status).toBe(404)
		expect((await putCanvas(request('PUT', `/${unknown}/canvas`, save(1)), context(unknown))).status).toBe(404)
	})

	it('answers 400 for a save with a negative clock', async () => {
		const { id } = await createSession({ name: 'x', description: '', framework: 'STRIDE' })
		const response = await putCanvas(request('PUT', `/${id}/canvas`, { ...save(1), clock: -1 }), context(id))
		expect(response.status).toBe(400)
		expect((await response.json()).issues).toEqual([{ path: 'clock', message: expect.any(String) }])
	})
})
