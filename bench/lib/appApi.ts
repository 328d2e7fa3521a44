import { type CanvasStateResponse, INTERNAL_SECRET_HEADER, type SaveCanvasBody } from '@/lib/api/internalSchemas'
import type { CreateSessionResponse } from '@/lib/api/sessionSchemas'
import type { Role } from '@/lib/roles'
import type { BenchStack } from './stack'

// The app's HTTP API as the bench uses it: sessions through the public POST /api/sessions (real
// link tokens), the canvas through the internal API the party uses (shared secret).

const REQUEST_TIMEOUT_MS = 60_000

export interface BenchSession {
	id: string
	tokens: Record<Role, string>
	links: CreateSessionResponse
}

/**
 * Set-up, not a measurement: a connection refused or reset by an app that has just started (it
 * answered its readiness probe, yet a first POST can still fail on a busy machine) is tried again.
 */
const CREATE_ATTEMPTS = 5
const CREATE_RETRY_MS = 1_000

export async function createSession(stack: Pick<BenchStack, 'appUrl'>, name: string): Promise<BenchSession> {
	const post = () =>
		fetch(`${stack.appUrl}/api/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name, description: 'Created by npm run bench', framework: 'STRIDE' }),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		})
	let response: Response | undefined
	for (let attempt = 1; response === undefined; attempt++) {
		try {
			response = await post()
		} catch (error) {
			if (attempt >= CREATE_ATTEMPTS) throw error
			await new Promise((resolve) => setTimeout(resolve, CREATE_RETRY_MS * attempt))
		}
	}
	if (response.status !== 201) throw new Error(`POST /api/sessions answered ${response.status}: ${await response.text()}`)
	const links = (await response.json()) as CreateSessionResponse
	const token = (link: string) => new URL(link).hash.slice(1)
	return {
		id: links.id,
		links,
		tokens: {
			facilitator: token(links.facilitatorUrl),
			participant: token(links.participantUrl),
			productOwner: token(links.productOwnerUrl),
			observer: token(links.observerUrl),
		},
	}
}

/** A fixed secret key per simulated person (21–64 characters), as a browser keeps one in localStorage. */
export function userKeyFor(index: number): string {
	return `bench-user-${index}`.padEnd(24, '0')
}

/** The room's socket for a person, as the browser builds it (docs/protocol.md). */
export function oursRoomUri(stack: BenchStack, sessionId: string, token: string, index: number): string {
	const query = new URLSearchParams({ token, name: `Bench ${index}`, userKey: userKeyFor(index) })
	return `${stack.partyUrl}/party/${encodeURIComponent(sessionId)}?${query}`
}

export function bareRoomUri(stack: BenchStack, room: string): string {
	return `${stack.barePartyUrl}/party/${encodeURIComponent(room)}`
}

function internalUrl(stack: BenchStack, sessionId: string): string {
	return `${stack.appUrl}/api/internal/sessions/${encodeURIComponent(sessionId)}/canvas`
}

export async function getInternalCanvas(stack: BenchStack, sessionId: string): Promise<{ ms: number; bytes: number; state: CanvasStateResponse }> {
	const started = performance.now()
	const response = await fetch(internalUrl(stack, sessionId), {
		headers: { [INTERNAL_SECRET_HEADER]: stack.secret },
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	})
	const text = await response.text()
	const ms = performance.now() - started
	if (response.status !== 200) throw new Error(`GET internal canvas answered ${response.status}: ${text.slice(0, 500)}`)
	return { ms, bytes: Buffer.byteLength(text), state: JSON.parse(text) as CanvasStateResponse }
}

/** The room's save, timed from the first byte sent to the last byte of the answer. */
export async function putInternalCanvas(
	stack: BenchStack,
	sessionId: string,
	body: SaveCanvasBody | string,
): Promise<{ ms: number; bytes: number; saved: boolean }> {
	const payload = typeof body === 'string' ? body : JSON.stringify(body)
	const started = performance.now()
	const response = await fetch(internalUrl(stack, sessionId), {
		method: 'PUT',
		headers: { [INTERNAL_SECRET_HEADER]: stack.secret, 'content-type': 'application/json' },
		body: payload,
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	})
	const text = await response.text()
	const ms = performance.now() - started
	if (response.status !== 200) throw new Error(`PUT internal canvas answered ${response.status}: ${text.slice(0, 500)}`)
	return { ms, bytes: Buffer.byteLength(payload), saved: (JSON.parse(text) as { saved: boolean }).saved }
}
