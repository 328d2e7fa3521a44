import { z } from 'zod'
import { INTERNAL_SECRET_MIN_LENGTH, readOrCreateDevSecret } from './devSecret.mjs'

export const DEFAULT_DATABASE_URL = 'file:./data/threatroom.db'
export { INTERNAL_SECRET_FILE } from './devSecret.mjs'

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
	return { ...rest, INTERNAL_SECRET: readOrCreateDevSecret(process.cwd()) }
}
