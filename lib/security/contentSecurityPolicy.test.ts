import { describe, expect, it } from 'vitest'
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy, partyConnectSources } from './contentSecurityPolicy'

function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy.split('; ').map((directive) => {
			const [name = '', ...values] = directive.split(' ')
			return [name, values]
		}),
	)
}

describe('the page Content-Security-Policy', () => {
	it('lets the page reach its own origin and the party, and nothing else', () => {
		const policy = directives(pageContentSecurityPolicy({ nonce: 'abc', partyUrl: 'ws://127.0.0.1:1999', isDevelopment: false }))
		expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:1999', 'http://127.0.0.1:1999', 'data:', 'blob:'])
		expect(policy.get('default-src')).toEqual(["'self'"])
		expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
	})

	it('runs only scripts with the nonce, never eval in production, and inline styles for tldraw', () => {
		const production = directives(pageContentSecurityPolicy({ nonce: 'n0nce', partyUrl: 'wss://party.example', isDevelopment: false }))
		expect(production.get('script-src')).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"])
		expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
		const development = directives(pageContentSecurityPolicy({ nonce: 'n0nce', partyUrl: 'wss://party.example', isDevelopment: true }))
		expect(development.get('script-src')).toContain("'unsafe-eval'")
	})

	it('forbids framing, plugins and <base>', () => {
		const policy = directives(pageContentSecurityPolicy({ nonce: 'x', partyUrl: 'ws://h:1', isDevelopment: false }))
		expect(policy.get('frame-ancestors')).toEqual(["'none'"])
		expect(policy.get('object-src')).toEqual(["'none'"])
		expect(policy.get('base-uri')).toEqual(["'none'"])
		expect(policy.get('form-action')).toEqual(["'self'"])
	})
})

describe('partyConnectSources', () => {
	it('allows the party as ws(s) and as http(s), whichever form it is configured in', () => {
		expect(partyConnectSources('wss://party.example')).toEqual(['wss://party.example', 'https://party.example'])
		expect(partyConnectSources('https://party.example:8443/')).toEqual(['wss://party.example:8443', 'https://party.example:8443'])
		expect(partyConnectSources('http://10.0.0.2:1999')).toEqual(['ws://10.0.0.2:1999', 'http://10.0.0.2:1999'])
	})

	it('adds nothing for a URL that is not one of those', () => {
		for (const url of ['', 'not a url', 'javascript:alert(1)', 'ftp://party.example', "ws://a'; script-src *"]) expect(partyConnectSources(url)).toEqual([])
	})
})

describe('nonces and the API policy', () => {
	it('makes a new 128-bit nonce every time', () => {
		const nonces = new Set(Array.from({ length: 100 }, createNonce))
		expect(nonces.size).toBe(100)
		for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
	})

	it('lets nothing in an API answer load or run', () => {
		expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	})
})
