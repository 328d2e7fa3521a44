import { describe, expect, it, vi } from 'vitest'
import { INTERNAL_SECRET_HEADER } from '@/lib/api/internalSchemas'
import { hashToken } from '@/lib/tokens'
import { handleRevocationRequest, LinkConnections, linkHashOf, secretMatches } from './linkRevocation'

const SECRET = 'party-test-secret-0123456789'
const HASH_A = 'a'.repeat(64)
const HASH_B = 'b'.repeat(64)

function request(body: unknown, { method = 'POST', secret = SECRET as string | null } = {}): Request {
	const headers: Record<string, string> = { 'content-type': 'application/json' }
	if (secret !== null) headers[INTERNAL_SECRET_HEADER] = secret
	return new Request('http://party/party/s1', { method, headers, body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
}

describe('linkHashOf', () => {
	it('hashes a token exactly as the app stores it', async () => {
		for (const token of ['NKvdIKNAb1IZW_3gtZ50ORjm', '', 'Zoë-山田']) expect(await linkHashOf(token)).toBe(hashToken(token))
	})
})

describe('secretMatches', () => {
	it('accepts only the exact secret, whatever the length presented', async () => {
		expect(await secretMatches(SECRET, SECRET)).toBe(true)
		for (const presented of [null, '', 'x', `${SECRET}x`, SECRET.slice(0, -1), SECRET.toUpperCase()]) {
			expect(await secretMatches(presented, SECRET)).toBe(false)
		}
	})
})

describe('LinkConnections', () => {
	it('names the sockets of a revoked link, and refuses that link from then on', () => {
		const links = new LinkConnections()
		links.track('c1', HASH_A)
		links.track('c2', HASH_B)
		links.track('c3', HASH_A)
		expect(links.revoke([HASH_A]).sort()).toEqual(['c1', 'c3'])
		expect(links.isRevoked(HASH_A)).toBe(true)
		expect(links.isRevoked(HASH_B)).toBe(false)
		links.forget('c1')
		links.forget('c3')
		expect(links.revoke([HASH_A])).toEqual([])
	})
})

describe('handleRevocationRequest', () => {
	const body = { type: 'revoke-links', tokenHashes: [HASH_A] }

	it('revokes the named links and says how many sockets it closed', async () => {
		const revoke = vi.fn(() => 2)
		const response = await handleRevocationRequest(request(body), SECRET, revoke)
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ disconnected: 2 })
		expect(revoke).toHaveBeenCalledWith([HASH_A])
	})

	it('answers 401 without the shared secret, before looking at anything else', async () => {
		const revoke = vi.fn(() => 1)
		for (const secret of [null, 'wrong', `${SECRET}x`]) {
			for (const method of ['POST', 'GET', 'PUT']) {
				const response = await handleRevocationRequest(request(body, { method, secret }), SECRET, revoke)
				expect(response.status).toBe(401)
			}
		}
		expect(revoke).not.toHaveBeenCalled()
	})

	it('refuses other methods, malformed bodies and oversized ones', async () => {
		const revoke = vi.fn(() => 1)
		expect((await handleRevocationRequest(request(body, { method: 'GET' }), SECRET, revoke)).status).toBe(405)
		for (const bad of [
			'{',
			'null',
			[],
			{ type: 'revoke-links', tokenHashes: [] },
			{ type: 'revoke-links', tokenHashes: ['not-a-hash'] },
			{ type: 'other', tokenHashes: [HASH_A] },
		]) {
			expect((await handleRevocationRequest(request(bad), SECRET, revoke)).status).toBe(400)
		}
		expect((await handleRevocationRequest(request({ ...body, pad: 'x'.repeat(5000) }), SECRET, revoke)).status).toBe(413)
		expect(revoke).not.toHaveBeenCalled()
	})
})
