import { describe, expect, it } from 'vitest'
import { IDENTITY_HEADER, identityOf } from './auth'

const LINK_HASH = 'a'.repeat(64)

function requestWith(headers: Record<string, string>) {
	return new Request('http://party/party/s1', { headers })
}

describe('identityOf', () => {
	it('reads the identity the worker forwarded, names URI-encoded', () => {
		const identity = identityOf(
			requestWith({
				[IDENTITY_HEADER.role]: 'observer',
				[IDENTITY_HEADER.name]: encodeURIComponent('Zoë 山田'),
				[IDENTITY_HEADER.user]: 'u_1',
				[IDENTITY_HEADER.link]: LINK_HASH,
			}),
		)
		expect(identity).toEqual({ ok: true, person: { role: 'observer', name: 'Zoë 山田', userId: 'u_1' }, linkHash: LINK_HASH })
	})

	it('passes on why the worker refused the link', () => {
		expect(identityOf(requestWith({ [IDENTITY_HEADER.authError]: 'NOT_FOUND' }))).toEqual({
			ok: false,
			reason: 'NOT_FOUND',
		})
		expect(identityOf(requestWith({ [IDENTITY_HEADER.authError]: 'NOT_AUTHENTICATED' }))).toEqual({
			ok: false,
			reason: 'NOT_AUTHENTICATED',
		})
	})

	it('lets nobody in without the hash of the link they used, which a revocation names', () => {
		const person = { [IDENTITY_HEADER.role]: 'participant', [IDENTITY_HEADER.name]: 'x', [IDENTITY_HEADER.user]: 'u' }
		expect(identityOf(requestWith(person))).toEqual({ ok: false, reason: 'NOT_AUTHENTICATED' })
		expect(identityOf(requestWith({ ...person, [IDENTITY_HEADER.link]: 'not-a-hash' }))).toEqual({ ok: false, reason: 'NOT_AUTHENTICATED' })
	})

	it('lets nobody in without a valid forwarded role', () => {
		expect(identityOf(requestWith({}))).toEqual({ ok: false, reason: 'NOT_AUTHENTICATED' })
		expect(identityOf(requestWith({ [IDENTITY_HEADER.role]: 'admin', [IDENTITY_HEADER.name]: 'x', [IDENTITY_HEADER.user]: 'u' }))).toEqual({
			ok: false,
			reason: 'NOT_AUTHENTICATED',
		})
		expect(
			identityOf(
				requestWith({
					[IDENTITY_HEADER.role]: 'facilitator',
					[IDENTITY_HEADER.name]: 'x',
					[IDENTITY_HEADER.user]: 'u',
					[IDENTITY_HEADER.authError]: 'NOT_AUTHENTICATED',
				}),
			),
		).toEqual({ ok: false, reason: 'NOT_AUTHENTICATED' })
	})
})
