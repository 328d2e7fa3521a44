import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isUserKey, parseDisplayName, userIdFromKey } from './identity'

describe('userIdFromKey', () => {
	it('derives the same public id every time from the same key', async () => {
		const key = 'a-browser-secret-key-000001'
		expect(await userIdFromKey(key)).toBe(await userIdFromKey(key))
	})

	it('derives SHA-256 of the prefixed key in base64url, as documented for bots', async () => {
		const key = 'a-browser-secret-key-000001'
		const expected = createHash('sha256').update(`threatroom-user:${key}`).digest('base64url').slice(0, 22)
		expect(await userIdFromKey(key)).toBe(expected)
	})

	it('gives different keys different ids that reveal nothing of the key', async () => {
		const [a, b] = await Promise.all([userIdFromKey('key-of-ana-000000000000'), userIdFromKey('key-of-bob-000000000000')])
		expect(a).not.toBe(b)
		expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/)
		expect(a).not.toContain('ana')
	})
})

describe('isUserKey', () => {
	it('accepts 21 to 64 URL-safe characters and nothing else', () => {
		expect(isUserKey('x'.repeat(21))).toBe(true)
		expect(isUserKey('x'.repeat(64))).toBe(true)
		expect(isUserKey('x'.repeat(20))).toBe(false)
		expect(isUserKey('x'.repeat(65))).toBe(false)
		expect(isUserKey(`${'x'.repeat(21)}/`)).toBe(false)
		expect(isUserKey(null)).toBe(false)
	})
})

describe('parseDisplayName', () => {
	it('trims a name and replaces an empty or overlong one with Guest', () => {
		expect(parseDisplayName('  Ana ')).toBe('Ana')
		expect(parseDisplayName('   ')).toBe('Guest')
		expect(parseDisplayName('x'.repeat(65))).toBe('Guest')
		expect(parseDisplayName(null)).toBe('Guest')
	})
})
