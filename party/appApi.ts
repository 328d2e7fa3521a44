import {
	authorizeResponse,
	type CanvasStateResponse,
	canvasStateResponse,
	INTERNAL_SECRET_HEADER,
	type SaveCanvasBody,
	type SaveCanvasResponse,
	saveCanvasResponse,
} from '@/lib/api/internalSchemas'
import type { Role } from '@/lib/roles'
import type { PartyEnv } from './env'

// The app's internal API (app/api/internal/sessions/[id]/…), the party's only way to the database:
// @libsql/client cannot run in workerd.

/** One link check; a first request to a route Next.js dev has not compiled yet can take this long. */
const AUTHORIZE_ATTEMPT_TIMEOUT_MS = 15_000
/**
 * Waits between link checks while the app is starting (unreachable, or 5xx while it compiles):
 * a person opening their link then gets in as soon as the app answers, instead of a 503 that
 * their browser retries on its own, slower schedule. About 15 s in all, within a browser's patience.
 */
export const AUTHORIZE_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000]
const LOAD_TIMEOUT_MS = 15_000
const SAVE_TIMEOUT_MS = 30_000

export type AuthorizeResult =
	| { ok: true; role: Role }
	/** The link is bad (401) or its session does not exist (404): final, the client must not retry. */
	| { ok: false; reason: 'NOT_AUTHENTICATED' | 'NOT_FOUND' }
	/** The app is down or answered something unexpected: the client should retry. */
	| { ok: false; reason: 'UNAVAILABLE' }

/** Thrown for a failed call; its message names the route and the status, never a token or the secret. */
class AppApiError extends Error {
	override name = 'AppApiError'
}

export function createAppApi(env: PartyEnv, sessionId: string) {
	const base = `${env.APP_URL}/api/internal/sessions/${encodeURIComponent(sessionId)}`

	async function call(method: string, path: string, body: unknown, timeoutMs: number): Promise<Response> {
		try {
			return await fetch(`${base}${path}`, {
				method,
				headers: { [INTERNAL_SECRET_HEADER]: env.INTERNAL_SECRET, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			})
		} catch (error) {
			throw new AppApiError(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`)
		}
	}

	async function parsed<T>(response: Response, what: string, schema: { parse(data: unknown): T }): Promise<T> {
		if (!response.ok) {
			await response.body?.cancel()
			throw new AppApiError(`${what}: HTTP ${response.status}`)
		}
		try {
			return schema.parse(await response.json())
		} catch {
			throw new AppApiError(`${what}: unexpected response body`)
		}
	}

	async function authorizeOnce(token: string): Promise<AuthorizeResult> {
		let response: Response
		try {
			response = await call('POST', '/authorize', { token }, AUTHORIZE_ATTEMPT_TIMEOUT_MS)
		} catch (error) {
			console.warn('[party] link check failed:', error instanceof Error ? error.message : error)
			return { ok: false, reason: 'UNAVAILABLE' }
		}
		if (response.status === 401 || response.status === 404) {
			await response.body?.cancel()
			return { ok: false, reason: response.status === 401 ? 'NOT_AUTHENTICATED' : 'NOT_FOUND' }
		}
		try {
			return { ok: true, role: (await parsed(response, 'POST /authorize', authorizeResponse)).role }
		} catch (error) {
			console.warn('[party] link check failed:', error instanceof Error ? error.message : error)
			return { ok: false, reason: 'UNAVAILABLE' }
		}
	}

	return {
		async authorize(token: string): Promise<AuthorizeResult> {
			for (let attempt = 0; ; attempt++) {
				const result = await authorizeOnce(token)
				const delay = AUTHORIZE_RETRY_DELAYS_MS[attempt]
				if (result.ok || result.reason !== 'UNAVAILABLE' || delay === undefined) return result
				await new Promise((resolve) => setTimeout(resolve, delay))
			}
		},

		/** The saved canvas, or null when the session does not exist (404). Throws when the app is unreachable. */
		async loadCanvas(): Promise<CanvasStateResponse | null> {
			const response = await call('GET', '/canvas', undefined, LOAD_TIMEOUT_MS)
			if (response.status === 404) {
				await response.body?.cancel()
				return null
			}
			return parsed(response, 'GET /canvas', canvasStateResponse)
		},

		async saveCanvas(body: SaveCanvasBody): Promise<SaveCanvasResponse> {
			return parsed(await call('PUT', '/canvas', body, SAVE_TIMEOUT_MS), 'PUT /canvas', saveCanvasResponse)
		},
	}
}

export type AppApi = ReturnType<typeof createAppApi>
