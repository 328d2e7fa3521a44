import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetEnvForTests } from '@/lib/env'
import { partyUrl, publicOrigin, sessionLink } from './origin'

function request(headers: Record<string, string> = {}): Request {
	return new Request('http://internal:3000/api/sessions', { method: 'POST', headers })
}

describe('links and party url', () => {
	const saved = { ...process.env }

	beforeEach(() => {
		process.env.INTERNAL_SECRET = 'test-internal-secret-0123456789'
		delete process.env.PUBLIC_URL
		delete process.env.PARTY_URL
		delete process.env.PARTY_PORT
		resetEnvForTests()
	})

	afterEach(() => {
		process.env = { ...saved }
		resetEnvForTests()
	})

	it('puts the token in the fragment of /s/<id>', () => {
		expect(sessionLink('https://t.example', 'abc123', 'tok')).toBe('https://t.example/s/abc123#tok')
	})

	it('derives the origin from the forwarded headers of a proxy', () => {
		expect(publicOrigin(request({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'threat.example, proxy' }))).toBe('https://threat.example')
		expect(publicOrigin(request({ host: 'localhost:3000' }))).toBe('http://localhost:3000')
	})

	it('ignores a host header that tries to smuggle a path or credentials', () => {
		expect(publicOrigin(request({ host: 'evil.example/x?' }))).toBe('http://internal:3000')
		expect(publicOrigin(request({ 'x-forwarded-host': 'user@evil.example' }))).toBe('http://internal:3000')
	})

	it('prefers PUBLIC_URL to anything in the request', () => {
		process.env.PUBLIC_URL = 'https://threatroom.example/'
		resetEnvForTests()
		expect(publicOrigin(request({ 'x-forwarded-host': 'other.example' }))).toBe('https://threatroom.example')
	})

	it('points the browser at the party on the same host and PARTY_PORT, over wss behind https', () => {
		expect(partyUrl(request({ host: 'localhost:3000' }))).toBe('ws://localhost:1999')
		expect(partyUrl(request({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'threat.example' }))).toBe('wss://threat.example:1999')
		process.env.PARTY_PORT = '8787'
		resetEnvForTests()
		expect(partyUrl(request({ host: '[::1]:3000' }))).toBe('ws://[::1]:8787')
	})

	it('uses PARTY_URL as is when set', () => {
		process.env.PARTY_URL = 'wss://party.threat.example/'
		resetEnvForTests()
		expect(partyUrl(request({ host: 'localhost:3000' }))).toBe('wss://party.threat.example')
	})
})
