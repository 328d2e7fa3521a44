import { describe, expect, it } from 'vitest'
import { generateToken, hashToken, TOKEN_LENGTH } from './tokens'

describe('link tokens', () => {
	it('generates 24 url-safe characters, different every time', () => {
		const tokens = new Set(Array.from({ length: 100 }, generateToken))
		expect(tokens.size).toBe(100)
		for (const token of tokens) expect(token).toMatch(new RegExp(`^[A-Za-z0-9_-]{${TOKEN_LENGTH}}$`))
	})

	it('hashes a token to its SHA-256 hex digest', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
	})

	it('hashes the same token to the same value and different tokens to different values', () => {
		const token = generateToken()
		expect(hashToken(token)).toBe(hashToken(token))
		expect(hashToken(token)).not.toBe(hashToken(generateToken()))
		expect(hashToken(token)).not.toContain(token)
	})
})
