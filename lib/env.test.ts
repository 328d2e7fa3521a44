import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_DATABASE_URL, INTERNAL_SECRET_FILE, parseEnv } from './env'

const SECRET = 'a-configured-secret-of-some-length'

describe('environment', () => {
	let cwd: string

	beforeEach(() => {
		cwd = mkdtempSync(path.join(tmpdir(), 'threatroom-env-'))
		vi.spyOn(process, 'cwd').mockReturnValue(cwd)
	})

	afterEach(() => {
		vi.restoreAllMocks()
		rmSync(cwd, { recursive: true, force: true })
	})

	it('defaults to the embedded database file and party port 1999', () => {
		const env = parseEnv({ NODE_ENV: 'test', INTERNAL_SECRET: SECRET })
		expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL)
		expect(env.PARTY_PORT).toBe(1999)
		expect(env.PUBLIC_URL).toBeUndefined()
		expect(env.PARTY_URL).toBeUndefined()
	})

	it('reaches the party on this machine unless PARTY_INTERNAL_URL says otherwise', () => {
		expect(parseEnv({ NODE_ENV: 'test', INTERNAL_SECRET: SECRET, PARTY_PORT: '8787' }).PARTY_INTERNAL_URL).toBe('http://127.0.0.1:8787')
		const env = parseEnv({ NODE_ENV: 'test', INTERNAL_SECRET: SECRET, PARTY_INTERNAL_URL: 'http://party.internal:1999/' })
		expect(env.PARTY_INTERNAL_URL).toBe('http://party.internal:1999')
		expect(() => parseEnv({ INTERNAL_SECRET: SECRET, PARTY_INTERNAL_URL: 'ws://party:1999' })).toThrow(/PARTY_INTERNAL_URL/)
	})

	it('treats blank variables as unset', () => {
		const env = parseEnv({ NODE_ENV: 'test', INTERNAL_SECRET: SECRET, DATABASE_URL: '', PUBLIC_URL: ' ', PARTY_PORT: '' })
		expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL)
		expect(env.PUBLIC_URL).toBeUndefined()
		expect(env.PARTY_PORT).toBe(1999)
	})

	it('reduces PUBLIC_URL to its origin and coerces PARTY_PORT', () => {
		const env = parseEnv({ INTERNAL_SECRET: SECRET, PUBLIC_URL: 'https://threat.example/some/path', PARTY_PORT: '8787' })
		expect(env.PUBLIC_URL).toBe('https://threat.example')
		expect(env.PARTY_PORT).toBe(8787)
	})

	it('fails with a message naming each invalid variable', () => {
		expect(() => parseEnv({ INTERNAL_SECRET: SECRET, PUBLIC_URL: 'not a url', PARTY_PORT: '70000' })).toThrow(
			/Invalid environment variables:\n {2}PUBLIC_URL: .*\n {2}PARTY_PORT: /,
		)
	})

	it('requires INTERNAL_SECRET in production', () => {
		expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/INTERNAL_SECRET: required in production/)
		expect(() => parseEnv({ NODE_ENV: 'production', INTERNAL_SECRET: 'short' })).toThrow(/INTERNAL_SECRET/)
	})

	it('creates a development secret file on first use and reuses it afterwards', () => {
		const first = parseEnv({ NODE_ENV: 'development' }).INTERNAL_SECRET
		const file = path.join(cwd, INTERNAL_SECRET_FILE)
		expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/)
		expect(readFileSync(file, 'utf8').trim()).toBe(first)
		expect(statSync(file).mode & 0o777).toBe(0o600)
		expect(parseEnv({ NODE_ENV: 'test' }).INTERNAL_SECRET).toBe(first)
	})

	it('reads a development secret someone else already wrote', () => {
		mkdirSync(path.join(cwd, 'data'))
		writeFileSync(path.join(cwd, INTERNAL_SECRET_FILE), 'written-by-the-dev-script-000000\n')
		expect(parseEnv({}).INTERNAL_SECRET).toBe('written-by-the-dev-script-000000')
	})

	it('prefers a configured INTERNAL_SECRET over the file', () => {
		expect(parseEnv({ NODE_ENV: 'development', INTERNAL_SECRET: SECRET }).INTERNAL_SECRET).toBe(SECRET)
	})
})
