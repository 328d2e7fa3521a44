import { z } from 'zod'
import { PERSIST_MAX_WAIT_MS } from './persistence'

const DEFAULT_APP_URL = 'http://127.0.0.1:3000'

// The party has no filesystem, so unlike the app it cannot read data/.internal-secret: the scripts
// pass the secret with `--var INTERNAL_SECRET=…`.
const partyEnvSchema = z.object({
	APP_URL: z
		.url({ protocol: /^https?$/ })
		.default(DEFAULT_APP_URL)
		.transform((value) => value.replace(/\/+$/, '')),
	INTERNAL_SECRET: z.string().min(16, 'INTERNAL_SECRET must be set (at least 16 characters), shared with the app'),
	/**
	 * Quiet time before a save; unset means the production default (persistence.ts). The
	 * integration tests shorten it: most of their time is otherwise spent waiting for saves.
	 */
	PERSIST_DEBOUNCE_MS: z.coerce.number().int().min(0).max(PERSIST_MAX_WAIT_MS).optional(),
})

export type PartyEnv = z.infer<typeof partyEnvSchema>

/** `room.env` / `lobby.env`: `--var` values, partykit.json vars or .env. Throws a readable message. */
export function parsePartyEnv(env: Record<string, unknown>): PartyEnv {
	const result = partyEnvSchema.safeParse({
		APP_URL: blankAsUndefined(env.APP_URL),
		INTERNAL_SECRET: blankAsUndefined(env.INTERNAL_SECRET),
		PERSIST_DEBOUNCE_MS: blankAsUndefined(env.PERSIST_DEBOUNCE_MS),
	})
	if (result.success) return result.data
	const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
	throw new Error(`Invalid party variables:\n${lines.join('\n')}`)
}

function blankAsUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value
}
