import { beforeAll, describe, expect, it } from 'vitest'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'
import { createSession } from '@/lib/db/sessionsRepo'
import { TEST_INTERNAL_SECRET, useTemporaryDatabase } from '@/tests/fixtures/database'
import type { Role } from '@/lib/roles'
import { useFakeParty } from '@/tests/support/fakeParty'
import { type EndpointName, endpointSpec, type FuzzBody, type FuzzCase, fuzzCases } from '@/fixtures/httpFuzzCases'
import { linkTokenStates, rowCounts } from '@/tests/support/rowCounts'
import { POST as authorize } from './internal/sessions/[id]/authorize/route'
import { GET as loadCanvas, PUT as saveCanvas } from './internal/sessions/[id]/canvas/route'
import { GET as exportSession } from './sessions/[id]/export/route'
import { POST as followUp } from './sessions/[id]/follow-up/route'
import { POST as join } from './sessions/[id]/join/route'
import { POST as rotate } from './sessions/[id]/links/rotate/route'
import { GET as readSession } from './sessions/[id]/route'
import { POST as importSession } from './sessions/import/route'
import { POST as summaries } from './sessions/summaries/route'
import { POST as createSessionRoute } from './sessions/route'

// The HTTP API fuzz (fixtures/httpFuzzCases.ts) against the route handlers and a temporary libSQL
// file: every case gets exactly its status, never a 500; a refused request writes nothing (every
// table's row count and every link as before); nothing pollutes Object.prototype.

useTemporaryDatabase()

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>

const HANDLERS: Record<EndpointName, Handler> = {
	'POST /api/sessions': (request) => createSessionRoute(request),
	'POST /api/sessions/:id/join': join,
	'POST /api/sessions/summaries': (request) => summaries(request),
	'POST /api/sessions/import': (request) => importSession(request),
	'POST /api/sessions/:id/links/rotate': rotate,
	'POST /api/sessions/:id/follow-up': followUp,
	'GET /api/sessions/:id': readSession,
	'GET /api/sessions/:id/export': exportSession,
	'POST /api/internal/sessions/:id/authorize': authorize,
	'GET /api/internal/sessions/:id/canvas': loadCanvas,
	'PUT /api/internal/sessions/:id/canvas': saveCanvas,
}

const ORIGIN = 'http://localhost:3000'
const CASES = fuzzCases()

useFakeParty()
let fixture: { id: string; tokens: Record<Role, string> }

beforeAll(async () => {
	fixture = await createSession({ name: 'Fuzzed', description: '', framework: 'STRIDE' })
})

function fill(text: string): string {
	return text.replaceAll('$sessionId', fixture.id).replaceAll('$participantToken', fixture.tokens.participant)
}

function streamOf(text: string, declaredLength?: number): { body: ReadableStream<Uint8Array>; duplex: 'half'; length?: number } {
	const bytes = new TextEncoder().encode(text)
	let offset = 0
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (offset >= bytes.length) return controller.close()
			controller.enqueue(bytes.slice(offset, offset + 64 * 1024))
			offset += 64 * 1024
		},
	})
	return { body, duplex: 'half', length: declaredLength }
}

function bodyOf(body: FuzzBody): { init: RequestInit & { duplex?: 'half' }; contentLength?: number } {
	switch (body.kind) {
		case 'none':
			return { init: {} }
		case 'text':
			return { init: { body: fill(body.text) } }
		case 'bytes':
			return { init: { body: new Uint8Array(body.bytes) } }
		case 'json':
			return { init: { body: fill(JSON.stringify(body.value)) } }
		case 'oversized': {
			const text = `{"pad":"${'x'.repeat(body.bytes - 10)}"}`
			if (body.mode === 'declared') return { init: { body: text } }
			const stream = streamOf(text)
			return { init: { body: stream.body, duplex: 'half' }, contentLength: body.mode === 'understated' ? 10 : undefined }
		}
	}
}

function requestFor(fuzzCase: FuzzCase): { request: Request; id: string } {
	const spec = endpointSpec(fuzzCase.endpoint)
	const { request: fuzz } = fuzzCase
	const id = fuzz.id ?? fixture.id
	const [method = 'GET', pathTemplate = '/'] = spec.name.split(' ')
	const path = pathTemplate.replace(':id', encodeURIComponent(id))
	const headers = new Headers({ host: 'localhost:3000' })
	const contentType = fuzz.contentType === undefined ? 'application/json' : fuzz.contentType
	if (contentType !== null && method !== 'GET') headers.set('content-type', contentType)
	const credential = fuzz.credential === undefined ? 'valid' : fuzz.credential
	if (spec.auth === 'bearer' && credential !== null) {
		headers.set('authorization', credential === 'valid' ? `Bearer ${fixture.tokens.facilitator}` : credential)
	}
	if (spec.auth === 'internal' && credential !== null) {
		const secret =
			credential === 'valid' ? TEST_INTERNAL_SECRET : credential.replace('$secret', TEST_INTERNAL_SECRET).replace('$SECRET', TEST_INTERNAL_SECRET.toUpperCase())
		headers.set(INTERNAL_SECRET_HEADER, secret)
	}
	const { init, contentLength } = method === 'GET' ? { init: {}, contentLength: undefined } : bodyOf(fuzz.body)
	if (contentLength !== undefined) headers.set('content-length', String(contentLength))
	const query = spec.name === 'GET /api/sessions/:id/export' ? `?${fuzz.query ?? 'format=json'}` : ''
	return { request: new Request(`${ORIGIN}${path}${query}`, { method, headers, ...init }), id }
}

describe('the HTTP API under fuzz', () => {
	it('has cases for every endpoint', () => {
		const covered = new Set(CASES.map((fuzzCase) => fuzzCase.endpoint))
		expect([...covered].sort()).toEqual(Object.keys(HANDLERS).sort())
		expect(CASES.length).toBeGreaterThan(300)
	})

	it.each(CASES.map((fuzzCase) => ({ ...fuzzCase, title: `${fuzzCase.endpoint} · ${fuzzCase.category} · ${fuzzCase.description}` })))(
		'$title → $status',
		async (fuzzCase) => {
			const prototypeKeys = Object.getOwnPropertyNames(Object.prototype)
			const [rowsBefore, linksBefore] = [await rowCounts(), await linkTokenStates()]
			const { request, id } = requestFor(fuzzCase)

			const response = await HANDLERS[fuzzCase.endpoint](request, { params: Promise.resolve({ id }) })

			const text = await response.text()
			expect(response.status, text.slice(0, 500)).toBe(fuzzCase.status)
			if (response.status >= 400) {
				expect(response.headers.get('content-type')).toMatch(/^application\/json/)
				expect(response.headers.get('cache-control')).toBe('no-store')
				const body = JSON.parse(text) as { error?: unknown; issues?: unknown }
				expect(body.error).toEqual(expect.any(String))
				if (body.issues !== undefined) expect(body.issues).toEqual(expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]))
				expect(await rowCounts()).toEqual(rowsBefore)
				expect(await linkTokenStates()).toEqual(linksBefore)
			}
			expect(({} as Record<string, unknown>).polluted).toBeUndefined()
			expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys)
		},
	)
})
