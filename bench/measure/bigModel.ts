import type { Browser, BrowserContext, Page } from '@playwright/test'
import { z } from 'zod'
import type { ExportFormat } from '@/lib/api/exportSchemas'
import { distribution } from '../stats'
import type { BenchConfig } from '../config'
import { type BigModelSize, type SeededSession, seedBigSession } from '../lib/bigSession'
import { keystrokeLatencies, traceEventsOf } from '../lib/keystrokeTrace'
import { registerCleanup } from '../lib/processes'
import { sleep } from '../lib/propagation'
import { type BenchRoom, openRoom } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { type JoinLoad, launchChromium, loadOnce, VIEWPORT } from './join'

// 9. Big models: a session of 300 DFD elements (10 trust boundaries among them) with 2,000 threats
// and 4,000 votes, against the join's 50-element session, in one run:
//   join    — a participant opening each session (join.ts's page load and "interactive" point),
//             both rooms already loaded by a facilitator who stays (Node client), interleaved;
//   exports — every format of GET /api/sessions/:id/export on the big session, end to end over HTTP;
//   typing  — the facilitator types a new threat's title in the panel with the big model loaded;
//             a Chromium performance trace gives each keystroke's key-to-frame time.

interface TypingRun {
	latenciesMs: number[]
	unpainted: number
}

export interface BigModelResult {
	size: BigModelSize
	baseElements: number
	records: number
	chromium: string
	join: { big: JoinLoad[]; base: JoinLoad[] }
	exports: Record<ExportFormat, { ms: number[]; bytes: number }>
	typing: TypingRun[]
}

/**
 * Every export format with the query that asks for all of it: a Record, so a format added to the
 * route and not here fails to compile. Tracker formats take every priority (the default is P0–P1).
 */
const EXPORT_QUERIES: Record<ExportFormat, string> = {
	md: 'format=md',
	html: 'format=html',
	csv: 'format=csv',
	json: 'format=json',
	'threat-dragon': 'format=threat-dragon',
	svg: 'format=svg',
	'github-csv': 'format=github-csv&priority=all',
	'jira-csv': 'format=jira-csv&priority=all',
	'tasks-md': 'format=tasks-md&priority=all',
	ics: 'format=ics',
}
const EXPORT_FORMATS = Object.keys(EXPORT_QUERIES) as ExportFormat[]

const DISPLAY_NAME = 'Bench facilitator'
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame']
const traceFileSchema = z.looseObject({ traceEvents: z.array(z.unknown()) })
/** A title as a person types it: letters and spaces, no key that opens a shortcut. */
const TITLE_TEXT = 'attacker replays the session cookie from a shared laptop '

function sessionUrl(stack: BenchStack, seeded: SeededSession, token: string): string {
	return `${stack.appUrl}/s/${encodeURIComponent(seeded.session.id)}#${token}`
}

async function timeExport(stack: BenchStack, seeded: SeededSession, query: string): Promise<{ ms: number; bytes: number; status: number }> {
	const started = performance.now()
	const response = await fetch(`${stack.appUrl}/api/sessions/${encodeURIComponent(seeded.session.id)}/export?${query}`, {
		headers: { authorization: `Bearer ${seeded.session.tokens.facilitator}` },
		signal: AbortSignal.timeout(120_000),
	})
	const bytes = (await response.arrayBuffer()).byteLength
	return { ms: performance.now() - started, bytes, status: response.status }
}

async function measureExports(stack: BenchStack, seeded: SeededSession, reps: number, log: (line: string) => void): Promise<BigModelResult['exports']> {
	const results = {} as BigModelResult['exports']
	for (const format of EXPORT_FORMATS) {
		// One untimed request first: the route's first call compiles and warms its code path.
		const first = await timeExport(stack, seeded, EXPORT_QUERIES[format])
		if (first.status !== 200) throw new Error(`GET export ${format} answered ${first.status}`)
		results[format] = { ms: [], bytes: first.bytes }
	}
	// Formats interleaved per repetition, so a busy moment of the machine does not fall on one format.
	for (let rep = 0; rep < reps; rep++) {
		for (const format of EXPORT_FORMATS) results[format].ms.push((await timeExport(stack, seeded, EXPORT_QUERIES[format])).ms)
	}
	log(`big model exports: ${EXPORT_FORMATS.map((format) => `${format} ${results[format].ms.map((ms) => ms.toFixed(0)).join('/')} ms`).join(', ')}`)
	return results
}

/** Opens the big session as the facilitator, in Analyse, with a new threat's form open on the first element. */
async function openThreatForm(context: BrowserContext, url: string, timeoutMs: number): Promise<Page> {
	await context.addInitScript({ content: `try { localStorage.setItem('threatroom.displayName', ${JSON.stringify(DISPLAY_NAME)}) } catch {}` })
	const tab = await context.newPage()
	await tab.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
	await tab.getByTestId('join.submit').click({ timeout: timeoutMs })
	const analyse = tab.getByTestId('panel.phase.analyse')
	await analyse.click({ timeout: timeoutMs })
	await tab.waitForFunction(() => document.querySelector('[data-testid="panel.phase.analyse"]')?.getAttribute('aria-current') === 'step', undefined, {
		timeout: timeoutMs,
	})
	await tab.getByTestId('panel.focus.next').click({ timeout: timeoutMs })
	await tab.getByTestId('panel.threat.add').click({ timeout: timeoutMs })
	const title = tab.getByTestId('panel.threat.form.title')
	await title.waitFor({ timeout: timeoutMs })
	await title.focus()
	return tab
}

async function typeWithTrace(browser: Browser, tab: Page, keystrokes: number, gapMs: number): Promise<TypingRun> {
	await browser.startTracing(tab, { categories: TRACE_CATEGORIES })
	for (let i = 0; i < keystrokes; i++) {
		await tab.keyboard.press(TITLE_TEXT[i % TITLE_TEXT.length] ?? 'a')
		await sleep(gapMs)
	}
	const trace = traceFileSchema.parse(JSON.parse((await browser.stopTracing()).toString('utf8')))
	return keystrokeLatencies(traceEventsOf(trace.traceEvents))
}

export async function measureBigModel(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<BigModelResult> {
	const settings = config.bigModel
	const rooms: BenchRoom[] = []
	let browser: Browser | null = null
	let unregister = () => {}
	try {
		const seededAt = performance.now()
		const big = await seedBigSession(stack, settings.size, 'Bench big model')
		const base = await seedBigSession(stack, { elements: settings.baseElements, boundaries: 0, threats: 0, votesPerThreat: 0 }, 'Bench big model baseline')
		log(`big model: ${big.records} records seeded through the app in ${(performance.now() - seededAt).toFixed(0)} ms`)
		// A session in progress: the facilitator has each room loaded (as join.ts), so a join is the participant's own.
		for (const seeded of [big, base]) rooms.push(await openRoom(stack, 'ours', 1, { session: seeded.session }))

		const launched = await launchChromium()
		browser = launched
		unregister = registerCleanup(() => launched.close())
		const targets = { big, base } as const
		const order = ['big', 'base'] as const
		const join: BigModelResult['join'] = { big: [], base: [] }
		const load = (which: (typeof order)[number], rep: number) => {
			const seeded = targets[which]
			return loadOnce(
				launched,
				'ours',
				sessionUrl(stack, seeded, seeded.session.tokens.participant),
				seeded.shapeIds,
				seeded.clickTargetId,
				rep,
				settings.loadTimeoutMs,
			)
		}
		for (let warm = 0; warm < config.join.warmupLoads; warm++) for (const which of order) await load(which, -1)
		for (let rep = 0; rep < config.reps; rep++) {
			for (const which of rep % 2 === 0 ? order : [...order].reverse()) {
				const loaded = await load(which, rep)
				join[which].push(loaded)
				log(`big model join ${which} rep ${rep + 1}: drawn ${loaded.drawnMs.toFixed(0)} ms → interactive ${loaded.interactiveMs.toFixed(0)} ms`)
			}
		}

		const exports = await measureExports(stack, big, Math.max(config.reps, 3), log)

		const typing: TypingRun[] = []
		for (let rep = 0; rep < config.reps; rep++) {
			const context = await launched.newContext({ viewport: VIEWPORT })
			try {
				const tab = await openThreatForm(context, sessionUrl(stack, big, big.session.tokens.facilitator), settings.loadTimeoutMs)
				// Let the page settle (fonts, the first sync's follow-up renders) before the first key.
				await sleep(1_000)
				const run = await typeWithTrace(launched, tab, settings.keystrokes, settings.keyGapMs)
				typing.push(run)
				const stats = distribution(run.latenciesMs)
				log(
					`big model typing rep ${rep + 1}: ${run.latenciesMs.length} keystrokes, p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, max ${stats.max.toFixed(0)} ms${run.unpainted ? `, ${run.unpainted} without a frame` : ''}`,
				)
			} finally {
				await context.close()
			}
		}
		return { size: settings.size, baseElements: settings.baseElements, records: big.records, chromium: launched.version(), join, exports, typing }
	} finally {
		unregister()
		await browser?.close()
		for (const room of rooms) room.close()
	}
}
