// The Content-Security-Policy of every page and API answer, built per request by proxy.ts: the
// page's policy names the party's WebSocket origin, which depends on the request (lib/server/origin.ts
// `partyUrl`), and carries a fresh nonce that Next.js puts on its own scripts.

export interface PagePolicyInput {
	/** Fresh per request, base64; Next.js reads it back from the request's CSP header. */
	nonce: string
	/** The party's URL as the join API hands it to the browser (`ws://host:1999`, or PARTY_URL). */
	partyUrl: string
	/** `next dev` only: React rebuilds server error stacks with eval. */
	isDevelopment: boolean
}

/**
 * The origins the browser may open the sync socket to: the party's, as ws(s) and as http(s),
 * since tldraw's client turns an http(s) URL into ws(s) itself. An unparsable URL adds nothing.
 */
export function partyConnectSources(partyUrl: string): string[] {
	let url: URL
	try {
		url = new URL(partyUrl)
	} catch {
		return []
	}
	const secure = url.protocol === 'wss:' || url.protocol === 'https:'
	const insecure = url.protocol === 'ws:' || url.protocol === 'http:'
	if (!secure && !insecure) return []
	const hostAndPort = url.host
	return secure ? [`wss://${hostAndPort}`, `https://${hostAndPort}`] : [`ws://${hostAndPort}`, `http://${hostAndPort}`]
}

/**
 * - scripts: only those carrying this response's nonce, and what they load ('strict-dynamic':
 *   Next's chunks, the canvas bundle). No 'unsafe-inline', no eval in production.
 * - styles: 'unsafe-inline', because tldraw positions every shape with inline `style` attributes
 *   and injects <style> elements; a nonce cannot cover attributes, and a nonce in style-src would
 *   make browsers ignore 'unsafe-inline'. Styles cannot run script.
 * - images, fonts: our origin (tldraw's assets are self-hosted, lib/canvas/assetUrls.ts) plus data:
 *   and blob: for pasted images, exports and tldraw's inline icons. Nothing from a CDN: tldraw's
 *   unlicensed tracking request, which carries the page URL (with the link's #token), is blocked.
 * - connect: our origin and the party (data:/blob: for tldraw converting pasted images).
 * - no framing (frame-ancestors), no <base> (base-uri), forms post only to us, no plugins.
 */
export function pageContentSecurityPolicy({ nonce, partyUrl, isDevelopment }: PagePolicyInput): string {
	const directives: Record<string, string[]> = {
		'default-src': ["'self'"],
		'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
		'style-src': ["'self'", "'unsafe-inline'"],
		'img-src': ["'self'", 'data:', 'blob:'],
		'font-src': ["'self'", 'data:'],
		'connect-src': ["'self'", ...partyConnectSources(partyUrl), 'data:', 'blob:'],
		'worker-src': ["'self'", 'blob:'],
		'media-src': ["'self'", 'data:', 'blob:'],
		'manifest-src': ["'self'"],
		'frame-src': ["'none'"],
		'frame-ancestors': ["'none'"],
		'base-uri': ["'none'"],
		'form-action': ["'self'"],
		'object-src': ["'none'"],
	}
	return serialize(directives)
}

/**
 * API answers are data, never a document: nothing may load or run if one is opened in a tab. The
 * export route replaces this with its own, as strict, policy for the files it serves.
 */
export const API_CONTENT_SECURITY_POLICY = serialize({
	'default-src': ["'none'"],
	'frame-ancestors': ["'none'"],
	'base-uri': ["'none'"],
	'form-action': ["'none'"],
})

function serialize(directives: Record<string, string[]>): string {
	return Object.entries(directives)
		.map(([name, values]) => `${name} ${values.join(' ')}`)
		.join('; ')
}

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function createNonce(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16))
	let binary = ''
	for (const byte of bytes) binary += String.fromCharCode(byte)
	return btoa(binary)
}
