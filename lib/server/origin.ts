import 'server-only'
import { getEnv } from '@/lib/env'
import type { Role } from '@/lib/sessionEnums'

// Behind a proxy the request URL is the internal one; the forwarded headers carry what the browser used.

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/** The origin links should use: PUBLIC_URL when set, else what the request was addressed to. */
export function publicOrigin(request: Request): string {
	return getEnv().PUBLIC_URL ?? requestBaseUrl(request).origin
}

/** Where the browser opens its WebSocket: PARTY_URL when set, else the request's host on PARTY_PORT. */
export function partyUrl(request: Request): string {
	const { PARTY_URL, PARTY_PORT } = getEnv()
	if (PARTY_URL) return PARTY_URL
	const base = requestBaseUrl(request)
	const scheme = base.protocol === 'https:' ? 'wss' : 'ws'
	return `${scheme}://${base.hostname}:${PARTY_PORT}`
}

/** The token goes in the fragment so it never reaches server logs or a Referer header. */
export function sessionLink(origin: string, sessionId: string, token: string): string {
	return `${origin}/s/${encodeURIComponent(sessionId)}#${token}`
}

export function sessionLinks(origin: string, sessionId: string, tokens: Record<Role, string>) {
	return {
		facilitatorUrl: sessionLink(origin, sessionId, tokens.facilitator),
		participantUrl: sessionLink(origin, sessionId, tokens.participant),
		productOwnerUrl: sessionLink(origin, sessionId, tokens.productOwner),
		observerUrl: sessionLink(origin, sessionId, tokens.observer),
	}
}

function requestBaseUrl(request: Request): URL {
	const url = new URL(request.url)
	const headers = request.headers
	const proto = firstValue(headers.get('x-forwarded-proto'))?.toLowerCase()
	const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'))
	const scheme = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1)
	// A malformed header must not be able to smuggle a path or credentials into a link.
	if (host === undefined || !HOST_PATTERN.test(host)) return new URL(`${scheme}://${url.host}`)
	return new URL(`${scheme}://${host}`)
}

function firstValue(header: string | null): string | undefined {
	const value = header?.split(',')[0]?.trim()
	return value ? value : undefined
}
