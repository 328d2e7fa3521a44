import { describe, expect, it, vi } from 'vitest'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'
import { type AppRequestHandlers, handleAppRequest, secretMatches } from './appRequests'

const SECRET = 'party-test-secret-0123456789'
const HASH_A = 'a'.repeat(64)

function request(body: unknown, { method = 'POST', secret = SECRET as string | null } = {}): Request {
	const headers: Record<string, string> = { 'content-type': 'application/json' }
	if (secret !== null) headers[INTERNAL_SECRET_HEADER] = secret
	return new Request('http://party/party/s1', { method, headers, body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
}

/** Revocations go to `revoke`; a project change here would be a test failure. */
function handlers(revoke: AppRequestHandlers['revokeLinks']): AppRequestHandlers {
	return {
		revokeLinks: revoke,
		projectChanged: () => {
			throw new Error('not a project change')
		},
	}
}

describe('secretMatches', () => {
	it('accepts only the exact secret, whatever the length presented', async () => {
		expect(await secretMatches(SECRET, SECRET)).toBe(true)
		for (const presented of [null, '', 'x', `${SECRET}x`, SECRET.slice(0, -1), SECRET.toUpperCase()]) {
			expect(await secretMatches(presented, SECRET)).toBe(false)
		}
	})
})

describe('handleAppRequest', () => {
	const body = { type: 'revoke-links', tokenHashes: [HASH_A] }

	it('revokes the named links and says how many sockets it closed', async () => {
		const revoke = vi.fn(() => 2)
		const response = await handleAppRequest(request(body), SECRET, handlers(revoke))
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ disconnected: 2 })
		expect(revoke).toHaveBeenCalledWith([HASH_A])
	})

	it('answers 401 without the shared secret, before looking at anything else', async () => {
		const revoke = vi.fn(() => 1)
		for (const secret of [null, 'wrong', `${SECRET}x`]) {
			for (const method of ['POST', 'GET', 'PUT']) {
				const response = await handleAppRequest(request(body, { method, secret }), SECRET, handlers(revoke))
				expect(response.status).toBe(401)
			}
		}
		expect(revoke).not.toHaveBeenCalled()
	})

	it('refuses other methods, malformed bodies and oversized ones', async () => {
		const revoke = vi.fn(() => 1)
		expect((await handleAppRequest(request(body, { method: 'GET' }), SECRET, handlers(revoke))).status).toBe(405)
		for (const bad of [
			'{',
			'null',
			[],
			{ type: 'revoke-links', tokenHashes: [] },
			{ type: 'revoke-links', tokenHashes: ['not-a-hash'] },
			{ type: 'other', tokenHashes: [HASH_A] },
			{ type: 'project-changed', projectPrefix: 'pay', sessionNumber: 1 },
			{ type: 'project-changed', projectPrefix: 'PAY', sessionNumber: 0 },
		]) {
			expect((await handleAppRequest(request(bad), SECRET, handlers(revoke))).status).toBe(400)
		}
		expect((await handleAppRequest(request({ ...body, pad: 'x'.repeat(5000) }), SECRET, handlers(revoke))).status).toBe(413)
		expect(revoke).not.toHaveBeenCalled()
	})

	it('tells the open sockets a new project prefix, or that it was cleared', async () => {
		const projectChanged = vi.fn(() => 3)
		const notify = { revokeLinks: vi.fn(() => 0), projectChanged }
		const set = await handleAppRequest(request({ type: 'project-changed', projectPrefix: 'PAY', sessionNumber: 2 }), SECRET, notify)
		expect(await set.json()).toEqual({ notified: 3 })
		const cleared = await handleAppRequest(request({ type: 'project-changed', projectPrefix: null, sessionNumber: 2 }), SECRET, notify)
		expect(cleared.status).toBe(200)
		expect(projectChanged.mock.calls).toEqual([[{ projectPrefix: 'PAY', sessionNumber: 2 }], [{ projectPrefix: null, sessionNumber: 2 }]])
		expect(notify.revokeLinks).not.toHaveBeenCalled()
	})
})
