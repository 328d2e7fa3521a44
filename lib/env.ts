import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { nanoid } from 'nanoid'
import { z } from 'zod'

export const DEFAULT_DATABASE_URL = 'file:./data/threatroom.db'
export const INTERNAL_SECRET_FILE = 'data/.internal-secret'
const INTERNAL_SECRET_MIN_LENGTH = 16

// `FOO=` in a .env file means "not set", not "set to the empty string".
function blankAsUndefined<T extends z.ZodType>(schema: T) {
	return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema)
}

const envSchema = z.object({
	NODE_ENV: blankAsUndefined(z.string().default('development')),
	DATABASE_URL: blankAsUndefined(z.string().default(DEFAULT_DATABASE_URL)),
	DATABASE_AUTH_TOKEN: blankAsUndefined(z.string().optional()),
	INTERNAL_SECRET: blankAsUndefined(z.string().min(INTERNAL_SECRET_MIN_LENGTH).optional()),
	PUBLIC_URL: blankAsUndefined(
		z
			.url({ protocol: /^https?$/ })
			.transform((value) => new URL(value).origin)
			.optional(),
	),
	PARTY_URL: blankAsUndefined(
		z
			.url({ protocol: /^(https?|wss?)$/ })
			.transform((value) => value.replace(/\/+$/, ''))
			.optional(),
	),
	PARTY_PORT: blankAsUndefined(z.coerce.number().int().min(1).max(65_535).default(1999)),
	/**
	 * Where the app reaches the party itself (to disconnect the holders of a rotated link): an
	 * address on the private side, unlike PARTY_URL, which is the browser's.
	 */
	PARTY_INTERNAL_URL: blankAsUndefined(
		z
			.url({ protocol: /^https?$/ })
			.transform((value) => value.replace(/\/+$/, ''))
			.optional(),
	),
})

type ParsedEnv = z.infer<typeof envSchema>

export type Env = Omit<ParsedEnv, 'INTERNAL_SECRET' | 'PARTY_INTERNAL_URL'> & {
	INTERNAL_SECRET: string
	/** Defaults to `http://127.0.0.1:<PARTY_PORT>`: the party on the same machine. */
	PARTY_INTERNAL_URL: string
}

let cached: Env | undefined

/** Parsed once, on first use, so tests (and `next build`) can shape process.env before anything reads it. */
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

export function resetEnvForTests(): void {
	cached = undefined
}

export function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
	const result = envSchema.safeParse(source)
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
		throw new Error(`Invalid environment variables:\n${lines.join('\n')}`)
	}
	const { INTERNAL_SECRET, PARTY_INTERNAL_URL, ...parsed } = result.data
	const rest = { ...parsed, PARTY_INTERNAL_URL: PARTY_INTERNAL_URL ?? `http://127.0.0.1:${parsed.PARTY_PORT}` }
	if (INTERNAL_SECRET !== undefined) return { ...rest, INTERNAL_SECRET }
	if (rest.NODE_ENV === 'production') {
		throw new Error(
			`Invalid environment variables:\n  INTERNAL_SECRET: required in production (at least ${INTERNAL_SECRET_MIN_LENGTH} characters, shared with the party)`,
		)
	}
	return { ...rest, INTERNAL_SECRET: readOrCreateDevSecret() }
}

// In development the party and the app must agree on a secret without anyone configuring one, so the
// first process to need it writes it to a file the other side reads.
function readOrCreateDevSecret(): string {
	const file = path.resolve(process.cwd(), INTERNAL_SECRET_FILE)
	const existing = readSecretFile(file)
	if (existing !== undefined) return existing
	mkdirSync(path.dirname(file), { recursive: true })
	try {
		// 'wx' so two processes starting together cannot each write a different secret.
		writeFileSync(file, `${nanoid(32)}\n`, { flag: 'wx', mode: 0o600 })
	} catch (error) {
		if (!isErrnoCode(error, 'EEXIST')) throw error
	}
	const created = readSecretFile(file)
	if (created === undefined) {
		throw new Error(`${file} holds fewer than ${INTERNAL_SECRET_MIN_LENGTH} characters; delete it to generate a new secret`)
	}
	return created
}

function readSecretFile(file: string): string | undefined {
	try {
		const secret = readFileSync(file, 'utf8').trim()
		return secret.length >= INTERNAL_SECRET_MIN_LENGTH ? secret : undefined
	} catch (error) {
		if (isErrnoCode(error, 'ENOENT')) return undefined
		throw error
	}
}

function isErrnoCode(error: unknown, code: string): boolean {
	return error instanceof Error && 'code' in error && error.code === code
}
