import { describe, expect, it } from 'vitest'
import { hashToken } from '@/lib/tokens'
import { LinkConnections, linkHashOf } from './linkRevocation'

const HASH_A = 'a'.repeat(64)
const HASH_B = 'b'.repeat(64)

describe('linkHashOf', () => {
	it('hashes a token exactly as the app stores it', async () => {
		for (const token of ['NKvdIKNAb1IZW_3gtZ50ORjm', '', 'Zoë-山田']) expect(await linkHashOf(token)).toBe(hashToken(token))
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
