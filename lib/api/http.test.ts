import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import { NotFoundError } from '@/lib/errors'
import { parseBearerToken, readJsonBody, withErrors } from './http'

const LIMIT = 64 * 1024
const schema = z.object({ a: z.object({ b: z.int() }), name: z.string() })

function streamOf(text: string, chunkBytes = 8 * 1024): ReadableStream<Uint8Array> {
	const bytes = new TextEncoder().encode(text)
	let offset = 0
	return new ReadableStream({
		pull(controller) {
			if (offset >= bytes.length) return controller.close()
			controller.enqueue(bytes.slice(offset, offset + chunkBytes))
			offset += chunkBytes
		},
	})
}

// A streamed body has no Content-Length, like a chunked upload.
const JSON_TYPE = { 'content-type': 'application/json' }

function streamedRequest(text: string, headers: Record<string, string> = {}): Request {
	const init: RequestInit & { duplex: 'half' } = { method: 'POST', body: streamOf(text), headers: { ...JSON_TYPE, ...headers }, duplex: 'half' }
	return new Request('http://localhost/api/test', init)
}

async function rejectionOf(promise: Promise<unknown>): Promise<Response> {
	return withErrors(async () => {
		await promise
		return new Response('unexpected success')
	})()
}

describe('readJsonBody', () => {
	it('parses and validates a body within the limit', async () => {
		const request = streamedRequest(JSON.stringify({ a: { b: 1 }, name: 'x' }))
		await expect(readJsonBody(request, schema, { maxBytes: LIMIT })).resolves.toEqual({ a: { b: 1 }, name: 'x' })
	})

	it('answers 413 for a 70 KiB body sent without a Content-Length', async () => {
		const request = streamedRequest(JSON.stringify({ name: 'x'.repeat(70 * 1024) }))
		expect(request.headers.get('content-length')).toBeNull()
		const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(413)
		expect(await response.json()).toEqual({ error: 'Body too large', limit: LIMIT })
	})

	it('answers 413 when the Content-Length understates the body', async () => {
		const request = streamedRequest(JSON.stringify({ name: 'x'.repeat(70 * 1024) }), { 'content-length': '10' })
		const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(413)
	})

	it('answers 413 from the Content-Length alone, without reading the body', async () => {
		const request = new Request('http://localhost/api/test', {
			method: 'POST',
			body: 'x'.repeat(LIMIT + 1),
			headers: { ...JSON_TYPE, 'content-length': String(LIMIT + 1) },
		})
		const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(413)
		expect(request.bodyUsed).toBe(false)
	})

	it('answers 400 Invalid JSON for malformed, empty or non-UTF-8 bodies', async () => {
		for (const body of ['{"a":', '', new Uint8Array([0x7b, 0xff, 0x7d])]) {
			const request = new Request('http://localhost/api/test', { method: 'POST', body, headers: JSON_TYPE })
			const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
			expect(response.status).toBe(400)
			expect(await response.json()).toEqual({ error: 'Invalid JSON' })
		}
	})

	it('answers 415 to a body that is not declared JSON, before reading it', async () => {
		for (const contentType of [null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json']) {
			const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType }
			const request = new Request('http://localhost/api/test', { method: 'POST', body: new TextEncoder().encode('{"a":{"b":1},"name":"x"}'), headers })
			const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
			expect(response.status).toBe(415)
			expect(await response.json()).toMatchObject({ issues: [{ path: 'content-type' }] })
			expect(request.bodyUsed).toBe(false)
		}
	})

	it('accepts JSON declared with parameters or as a +json type', async () => {
		for (const contentType of ['application/json; charset=utf-8', 'Application/JSON', 'application/vnd.threatroom+json']) {
			const request = new Request('http://localhost/api/test', { method: 'POST', body: '{"a":{"b":1},"name":"x"}', headers: { 'content-type': contentType } })
			await expect(readJsonBody(request, schema, { maxBytes: LIMIT })).resolves.toEqual({ a: { b: 1 }, name: 'x' })
		}
	})

	it('answers 400 to JSON nested deeper than the limit, without parsing it', async () => {
		const deep = streamedRequest(`${'['.repeat(65)}${']'.repeat(65)}`)
		const response = await rejectionOf(readJsonBody(deep, schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(400)
		expect(await response.json()).toEqual({ error: 'Invalid request', issues: [{ path: '', message: 'Nested deeper than 64 levels' }] })
		// Brackets inside strings are text, not nesting.
		const text = streamedRequest(JSON.stringify({ a: { b: 1 }, name: '['.repeat(1000) }))
		await expect(readJsonBody(text, schema, { maxBytes: LIMIT })).resolves.toMatchObject({ name: '['.repeat(1000) })
	})

	it('answers 400 to __proto__, constructor or prototype keys anywhere, naming where', async () => {
		const body = '{"a":{"b":1,"constructor":{"prototype":{"polluted":true}}},"name":"x","list":[{"__proto__":{"polluted":true}}]}'
		const response = await rejectionOf(readJsonBody(streamedRequest(body), schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(400)
		const issues = ((await response.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()
		expect(issues).toEqual(['a.constructor', 'list.0.__proto__'])
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})

	it('lets the room snapshot keep any key when asked to, without polluting anything', async () => {
		const loose = z.object({ meta: z.record(z.string(), z.unknown()) })
		const request = streamedRequest('{"meta":{"__proto__":{"polluted":true},"constructor":1}}')
		await expect(readJsonBody(request, loose, { maxBytes: LIMIT, allowReservedKeys: true })).resolves.toBeDefined()
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})

	// The API's schemas are zod/mini, which has no messages until http.ts loads English ones.
	it('answers 400 with the path and an English message for every schema issue', async () => {
		const request = streamedRequest(JSON.stringify({ a: { b: 'one' } }))
		const response = await rejectionOf(readJsonBody(request, schema, { maxBytes: LIMIT }))
		expect(response.status).toBe(400)
		const body = await response.json()
		expect(body.error).toBe('Invalid request')
		expect(body.issues).toEqual([
			{ path: 'a.b', message: 'Invalid input: expected number, received string' },
			{ path: 'name', message: 'Invalid input: expected string, received undefined' },
		])
	})
})

describe('withErrors', () => {
	it('answers an HttpError with its status and public message', async () => {
		const response = await withErrors(async () => {
			throw new NotFoundError('Session not found')
		})()
		expect(response.status).toBe(404)
		expect(response.headers.get('cache-control')).toBe('no-store')
		expect(await response.json()).toEqual({ error: 'Session not found' })
	})

	it('logs an unexpected error and answers a bare 500 that leaks nothing', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {})
		const response = await withErrors(async () => {
			throw new Error('SQLITE_CONSTRAINT: secret table detail')
		})()
		expect(response.status).toBe(500)
		const text = await response.text()
		expect(text).not.toContain('SQLITE')
		expect(JSON.parse(text)).toEqual({ error: 'Internal server error' })
		expect(log).toHaveBeenCalledOnce()
		log.mockRestore()
	})

	it('lets a browser that left mid-request go without logging anything', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {})
		const response = await withErrors(async () => {
			throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
		})()
		expect(response.status).toBe(499)
		expect(log).not.toHaveBeenCalled()
		log.mockRestore()
	})
})

describe('parseBearerToken', () => {
	it('reads the token of a Bearer authorization header, whatever the scheme case', () => {
		expect(parseBearerToken('Bearer abc_DEF-123')).toBe('abc_DEF-123')
		expect(parseBearerToken('bearer  abc ')).toBe('abc')
	})

	it('returns null for a missing, empty or non-Bearer header', () => {
		expect(parseBearerToken(null)).toBeNull()
		expect(parseBearerToken('Bearer ')).toBeNull()
		expect(parseBearerToken('Basic dXNlcjpwYXNz')).toBeNull()
		expect(parseBearerToken('Bearer a b')).toBeNull()
	})
})
