import { type Browser, chromium, type Page } from '@playwright/test'
import type { BenchConfig } from '../config'
import { diagramRecords } from '../lib/diagram'
import { registerCleanup } from '../lib/processes'
import { PropagationTracker, sleep } from '../lib/propagation'
import { type BenchRoom, openRoom, seedThrough } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { benchDiagramIds } from '../bareTldraw/app/benchDiagram'

// 3. Join and 4. first-load JS, from the same page loads in headless Chromium, each in a fresh
// browser context (empty cache, as a participant opening the link for the first time).
//
// First-load JS: the scripts requested before the canvas was drawn; what a page loads after that
// (until the network is idle) is counted apart, as loaded after drawn.
//
// "Interactive with the diagram drawn", the same for every page:
//   drawnAt    — every one of the diagram's 50 elements has its `.tl-shape[data-shape-id]` node in
//                the DOM and the last box is displayed (not culled, non-zero size);
//   selectedAt — then Playwright clicks that box (a trusted mouse event, sent as soon as drawnAt is
//                seen) and the editor's store holds it as selected, and one more frame was painted.
// The time is drawnAt + (selectedAt − clickedAt), in ms from the navigation's start
// (performance.timeOrigin): Playwright's own latency between seeing drawnAt and its click landing
// (~100–150 ms of polling and CDP round trips) belongs to the harness, not the page. The session
// page includes what a participant's first visit includes: the link check (POST /join) and the name
// form, pre-filled (localStorage) and submitted by Playwright the moment it shows.
//
// Pages: ours = /s/<id>#<participant token>; bare sync = bench/bareTldraw /sync, <Tldraw/> on
// useSync against the bare room holding the same diagram; bare local = bench/bareTldraw /, a
// <Tldraw/> that creates the diagram itself (no network), the floor.

export type JoinPage = 'ours' | 'bareSync' | 'bareLocal'
const JOIN_PAGES: readonly JoinPage[] = ['ours', 'bareSync', 'bareLocal']

interface ResourceBytes {
	count: number
	/** Bytes on the wire, headers included (PerformanceResourceTiming.transferSize). */
	transfer: number
	/** Body as sent (gzip here: `next start` compresses). */
	encoded: number
	/** Body after decompression: the raw JS. */
	decoded: number
}

export interface JoinLoad {
	page: JoinPage
	rep: number
	drawnMs: number
	/** When Playwright's click reached the page (drawn → clicked is the harness's own latency). */
	clickedMs: number
	/** When the click's selection was in the store and painted. */
	selectedMs: number
	/** drawn + (selected − clicked): the diagram drawn, and the editor's answer to a click, without the harness's latency in between. */
	interactiveMs: number
	/** ours: when the name form was submitted; null for the bare pages. */
	submittedMs: number | null
	/** JS requested before the canvas was drawn: what the participant waits for. */
	js: ResourceBytes
	/** JS requested after the canvas was drawn, until the network was idle (lazily loaded panels). */
	jsAfterDrawn: ResourceBytes
	css: ResourceBytes
	/** The first-load JS files (path, decoded bytes), for the report's "what dominates". */
	scripts: { path: string; encoded: number; decoded: number }[]
}

export const VIEWPORT = { width: 1400, height: 900 }
const DISPLAY_NAME = 'Bench participant'
/** After the click, the scripts a page loads once drawn (lazy panels) count once no resource started for this long… */
const QUIET_MS = 1_500
/** …or at the latest after this long. */
const AFTER_DRAWN_TIMEOUT_MS = 10_000

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

interface BenchWindow {
	__bench: { drawnAt: number | null; selectedAt: number | null; clickedAt: number | null; submittedAt: number | null }
}

/**
 * Runs in the page before any of its scripts. Plain JavaScript in a string: a function would be
 * serialised from tsx's output, whose helpers (`__name`) do not exist in the page.
 */
const INSTRUMENT = `(({ ids, target, displayName }) => {
	performance.setResourceTimingBufferSize(100000)
	if (displayName) {
		try { localStorage.setItem('threatroom.displayName', displayName) } catch {}
	}
	const bench = (window.__bench = { drawnAt: null, selectedAt: null, clickedAt: null, submittedAt: null })
	const selector = (id) => '.tl-shape[data-shape-id="' + id + '"]'
	const observer = new MutationObserver(() => {
		if (bench.drawnAt !== null) return
		for (const id of ids) if (!document.querySelector(selector(id))) return
		const box = document.querySelector(selector(target))?.getBoundingClientRect()
		if (!box || box.width === 0 || box.height === 0) return
		bench.drawnAt = performance.now()
		observer.disconnect()
	})
	observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] })
	document.addEventListener('submit', () => { bench.submittedAt ??= performance.now() }, true)
	// The store tldraw's sync client exposes itself (window.tlsync, set by TLSyncClient) or, on the
	// page without sync, the editor's store the bare page exposes the same way (window.__benchStore).
	const selected = () => {
		const store = window.tlsync?.store ?? window.__benchStore
		return !!store?.allRecords().some((record) => record.typeName === 'instance_page_state' && record.selectedShapeIds?.includes(target))
	}
	const watchSelection = () => {
		if (bench.selectedAt !== null) return
		if (selected()) {
			// In the editor's state now; the frame that draws it is the next one.
			requestAnimationFrame(() => { bench.selectedAt = performance.now() })
			return
		}
		requestAnimationFrame(watchSelection)
	}
	document.addEventListener('pointerdown', () => {
		// Only the click on the drawn diagram counts (not the name form's submit button).
		if (bench.clickedAt !== null || bench.drawnAt === null) return
		bench.clickedAt = performance.now()
		requestAnimationFrame(watchSelection)
	}, true)
})`

/**
 * What loads after the canvas is drawn (the panel, on idle) would otherwise arrive after the
 * measuring window closes and read as 0. Playwright's 'networkidle' can't serve: it fires once per
 * navigation, possibly before drawn, and then answers at once.
 */
async function waitForQuietNetwork(tab: Page): Promise<void> {
	const started = Date.now()
	let count = -1
	let changedAt = Date.now()
	while (Date.now() - started < AFTER_DRAWN_TIMEOUT_MS) {
		const now = await tab.evaluate(() => performance.getEntriesByType('resource').length)
		if (now !== count) {
			count = now
			changedAt = Date.now()
		} else if (Date.now() - changedAt >= QUIET_MS) return
		await sleep(100)
	}
}

export async function loadOnce(
	browser: Browser,
	page: JoinPage,
	url: string,
	ids: string[],
	target: string,
	rep: number,
	timeoutMs: number,
): Promise<JoinLoad> {
	const context = await browser.newContext({ viewport: VIEWPORT })
	try {
		await context.addInitScript({ content: `${INSTRUMENT}(${JSON.stringify({ ids, target, displayName: page === 'ours' ? DISPLAY_NAME : null })})` })
		const tab = await context.newPage()
		await tab.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
		if (page === 'ours') await tab.getByTestId('join.submit').click({ timeout: timeoutMs })
		await tab.waitForFunction(() => (window as unknown as BenchWindow).__bench.drawnAt !== null, undefined, { timeout: timeoutMs, polling: 'raf' })
		const box = await tab.locator(`.tl-shape[data-shape-id="${target}"]`).boundingBox({ timeout: timeoutMs })
		if (!box) throw new Error(`${page}: the click target has no box`)
		await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
		await tab.waitForFunction(() => (window as unknown as BenchWindow).__bench.selectedAt !== null, undefined, { timeout: timeoutMs, polling: 'raf' })
		await waitForQuietNetwork(tab)
		const measured = await tab.evaluate(() => {
			const bench = (window as unknown as BenchWindow).__bench
			const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
				path: new URL(entry.name).pathname,
				startMs: entry.startTime,
				transfer: entry.transferSize,
				encoded: entry.encodedBodySize,
				decoded: entry.decodedBodySize,
			}))
			return { bench, resources }
		})
		const sum = (list: typeof measured.resources): ResourceBytes => ({
			count: list.length,
			transfer: list.reduce((total, entry) => total + entry.transfer, 0),
			encoded: list.reduce((total, entry) => total + entry.encoded, 0),
			decoded: list.reduce((total, entry) => total + entry.decoded, 0),
		})
		const drawnAt = measured.bench.drawnAt ?? Number.POSITIVE_INFINITY
		const allScripts = measured.resources.filter((entry) => entry.path.endsWith('.js'))
		const scripts = allScripts.filter((entry) => entry.startMs < drawnAt)
		return {
			page,
			rep,
			drawnMs: measured.bench.drawnAt ?? Number.NaN,
			clickedMs: measured.bench.clickedAt ?? Number.NaN,
			selectedMs: measured.bench.selectedAt ?? Number.NaN,
			interactiveMs: (measured.bench.drawnAt ?? Number.NaN) + ((measured.bench.selectedAt ?? Number.NaN) - (measured.bench.clickedAt ?? Number.NaN)),
			submittedMs: measured.bench.submittedAt,
			js: sum(scripts),
			jsAfterDrawn: sum(allScripts.filter((entry) => entry.startMs >= drawnAt)),
			css: sum(measured.resources.filter((entry) => entry.path.endsWith('.css'))),
			scripts: scripts.map(({ path, encoded, decoded }) => ({ path, encoded, decoded })).sort((a, b) => b.decoded - a.decoded),
		}
	} finally {
		await context.close()
	}
}

export async function measureJoin(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<{ loads: JoinLoad[]; chromium: string }> {
	const { all: ids, clickTarget } = benchDiagramIds(config.join.elements)
	const tracker = new PropagationTracker()
	// A session in progress: the facilitator drew the diagram and stays (Node client), as does
	// someone in the bare room; each page load joins them.
	const rooms: BenchRoom[] = []
	let browser: Browser | null = null
	let unregister = () => {}
	try {
		const ours = await openRoom(stack, 'ours', 1, { tracker })
		rooms.push(ours)
		const bare = await openRoom(stack, 'bare', 1, { tracker })
		rooms.push(bare)
		for (const room of rooms) {
			const first = room.clients[0]
			if (!first) throw new Error('no client')
			await seedThrough(room, tracker, first, diagramRecords(room.engine, config.join.elements), 10_000)
		}
		// Wait for the facilitator's push to be through (the bare room has no stamps to wait for).
		await sleep(500)
		const session = ours.session
		if (!session) throw new Error('no session')
		const urls: Record<JoinPage, string> = {
			ours: `${stack.appUrl}/s/${encodeURIComponent(session.id)}#${session.tokens.participant}`,
			bareSync: `${stack.bareAppUrl}/sync?uri=${encodeURIComponent(bare.bareUri ?? '')}`,
			bareLocal: `${stack.bareAppUrl}/?shapes=${config.join.elements}`,
		}
		const launched = await launchChromium()
		browser = launched
		unregister = registerCleanup(() => launched.close())
		const loads: JoinLoad[] = []
		for (let warm = 0; warm < config.join.warmupLoads; warm++) {
			for (const page of JOIN_PAGES) await loadOnce(browser, page, urls[page], ids, clickTarget.id, -1, config.join.loadTimeoutMs)
		}
		for (let rep = 0; rep < config.reps; rep++) {
			// Rotate the order so no page always goes first.
			const order = JOIN_PAGES.map((_, i) => JOIN_PAGES[(i + rep) % JOIN_PAGES.length] as JoinPage)
			for (const page of order) {
				const load = await loadOnce(browser, page, urls[page], ids, clickTarget.id, rep, config.join.loadTimeoutMs)
				loads.push(load)
				log(
					`join ${page} rep ${rep + 1}: ${load.submittedMs === null ? '' : `name submitted ${load.submittedMs.toFixed(0)} ms, `}drawn ${load.drawnMs.toFixed(0)} ms, ` +
						`clicked ${load.clickedMs.toFixed(0)} ms, selected ${load.selectedMs.toFixed(0)} ms → interactive ${load.interactiveMs.toFixed(0)} ms, ` +
						`JS ${(load.js.encoded / 1024).toFixed(0)} KiB gzip / ${(load.js.decoded / 1024).toFixed(0)} KiB raw in ${load.js.count} files, ` +
						`${(load.jsAfterDrawn.encoded / 1024).toFixed(0)} KiB gzip after drawn`,
				)
			}
		}
		return { loads, chromium: launched.version() }
	} finally {
		unregister()
		await browser?.close()
		for (const room of rooms) room.close()
	}
}
