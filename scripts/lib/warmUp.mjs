// Next.js dev compiles each route on its first request, and each browser chunk on its first
// request too, which takes seconds each on a busy 2-CPU machine. Done on the first person's join,
// the room's link check waits on a compile and the join stalls on "Checking your link…", and the
// canvas waits on tldraw's chunks; so `npm run dev` asks for every route the home page, the session
// page and the room need, and every chunk the session page loads, before it says it is ready.

import { waitForHttp } from './processes.mjs'

/** A first compile of the session page (tldraw included) can take this long on a loaded machine. */
const COMPILE_TIMEOUT_MS = 180_000
const START_TIMEOUT_MS = 120_000
/** The session page's own chunks name the ones they load later (the canvas): this many levels deep. */
const CHUNK_DEPTH = 2
const CHUNK_CONCURRENCY = 4
/** `/_next/static/chunks/….js` in a page's script tags, `static/chunks/….js` in Turbopack's loader code. */
const CHUNK_PATH = /(?:\/_next\/)?static\/chunks\/[^"'\\\s)]+\.js/g
/**
 * Next's runtime names `static/chunks/pages/index.js`, the Pages Router's entry; this app has App
 * Router pages only, so asking for it only makes the dev server log a PageNotFoundError.
 */
const PAGES_ROUTER_CHUNK = /^\/_next\/static\/chunks\/pages\//

/** A session id that never exists: every call below answers 4xx, after compiling its route. */
const NO_SESSION = 'warm-up'
/** lib/api/internalSchemas.ts's INTERNAL_SECRET_HEADER (a unit test keeps the two equal). */
export const INTERNAL_SECRET_HEADER = 'x-threatroom-secret'

/**
 * The routes a first join goes through, in the order a browser and the room reach them.
 * @param {string} secret the internal secret, so the internal routes get past their guard and compile fully
 * @returns {{ method: string, path: string, headers?: Record<string, string>, body?: string }[]}
 */
export function warmUpRequests(secret) {
	const internal = { [INTERNAL_SECRET_HEADER]: secret, 'content-type': 'application/json' }
	return [
		{ method: 'GET', path: '/' },
		{ method: 'GET', path: `/s/${NO_SESSION}` },
		{ method: 'POST', path: `/api/sessions/${NO_SESSION}/join`, headers: { 'content-type': 'application/json' }, body: '{}' },
		{ method: 'POST', path: `/api/internal/sessions/${NO_SESSION}/authorize`, headers: internal, body: JSON.stringify({ token: 'warm-up' }) },
		{ method: 'GET', path: `/api/internal/sessions/${NO_SESSION}/canvas`, headers: internal },
		{ method: 'POST', path: '/api/sessions/summaries', headers: { 'content-type': 'application/json' }, body: '{"sessions":[]}' },
	]
}

/**
 * Resolves once both servers answer and every route of `warmUpRequests` has compiled. A route
 * that fails to compile is reported, not fatal: the developer sees Next's own error for it too.
 * @param {{ appUrl: string, partyUrl: string, secret: string, log?: (line: string) => void }} options
 */
export async function warmUp({ appUrl, partyUrl, secret, log = console.log }) {
	await Promise.all([waitForHttp(`${appUrl}/`, START_TIMEOUT_MS), waitForHttp(`${partyUrl}/`, START_TIMEOUT_MS)])
	for (const request of warmUpRequests(secret)) {
		const started = Date.now()
		try {
			const response = await fetch(`${appUrl}${request.path}`, {
				method: request.method,
				headers: request.headers,
				body: request.body,
				redirect: 'manual',
				signal: AbortSignal.timeout(COMPILE_TIMEOUT_MS),
			})
			await response.arrayBuffer()
			if (response.status >= 500) log(`warm-up: ${request.method} ${request.path} answered ${response.status}`)
		} catch (error) {
			log(`warm-up: ${request.method} ${request.path} failed: ${error instanceof Error ? error.message : error}`)
		}
		if (process.env.THREATROOM_VERBOSE_WARM_UP) log(`warm-up: ${request.method} ${request.path} ${Date.now() - started} ms`)
	}
	await warmChunks(appUrl, `/s/${NO_SESSION}`, log)
}

/**
 * The `/_next/static/chunks/….js` paths a page or script names, as absolute paths.
 * @param {string} text
 * @returns {string[]}
 */
export function chunkPaths(text) {
	const paths = Array.from(text.matchAll(CHUNK_PATH), ([match]) => (match.startsWith('/') ? match : `/_next/${match}`))
	return [...new Set(paths.filter((path) => !PAGES_ROUTER_CHUNK.test(path)))]
}

/**
 * Fetches the chunks a page loads and the chunks those name, so the browser of the first person to
 * join gets compiled code at once.
 * @param {string} appUrl @param {string} pagePath @param {(line: string) => void} log
 */
async function warmChunks(appUrl, pagePath, log) {
	const seen = new Set()
	let level = chunkPaths(await (await fetch(`${appUrl}${pagePath}`, { signal: AbortSignal.timeout(COMPILE_TIMEOUT_MS) })).text())
	for (let depth = 0; depth <= CHUNK_DEPTH && level.length > 0; depth++) {
		const next = []
		const queue = level.filter((path) => !seen.has(path))
		for (const path of queue) seen.add(path)
		const worker = async () => {
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				try {
					const response = await fetch(`${appUrl}${path}`, { signal: AbortSignal.timeout(COMPILE_TIMEOUT_MS) })
					next.push(...chunkPaths(await response.text()))
				} catch (error) {
					log(`warm-up: ${path} failed: ${error instanceof Error ? error.message : error}`)
				}
			}
		}
		await Promise.all(Array.from({ length: CHUNK_CONCURRENCY }, worker))
		level = next
	}
	if (process.env.THREATROOM_VERBOSE_WARM_UP) log(`warm-up: ${seen.size} chunks of ${pagePath}`)
}
