import fs from 'node:fs'
import type { BenchConfig } from './config'
import type { BuildResult } from './lib/build'
import type { LoadReport, MachineInfo } from './lib/machine'
import type { PropagationRun } from './measure/canvasPropagation'
import { JOIN_PAGES, type JoinLoad, type JoinPage } from './measure/join'
import type { PanelEngine, PanelRun } from './measure/panelEvents'
import type { PersistenceResult } from './measure/persistence'
import { REPORT_FORMATS, type ReportFormat, type ReportsResult } from './measure/reports'
import type { MemoryResult } from './measure/roomMemory'
import { ratio, type Summary, summarize } from './stats'

// BENCHMARKS.md from one run's results: machine and conditions, a summary against the issue's
// targets, one section per measurement with every figure as "median (min–max)" over repetitions,
// and — where a target is missed — by how much and what the run shows about why.

export interface BenchResults {
	config: BenchConfig
	machine: MachineInfo
	load: LoadReport | null
	chromium: string | null
	builds: { app: BuildResult | null; bare: BuildResult | null }
	durationMs: number
	canvas: PropagationRun[] | null
	panel: PanelRun[] | null
	join: JoinLoad[] | null
	memory: MemoryResult | null
	persistence: PersistenceResult | null
	reports: ReportsResult | null
	errors: { module: string; message: string }[]
	warnings: string[]
	/** When each measurement was taken (ISO): a run with --only keeps the others from the previous run. */
	measuredAt: Record<string, string>
	/** How busy other processes kept the machine during each measurement. */
	moduleLoad: Record<string, { otherBusyPct: number; otherBusyMaxPct: number }>
	/** Hand-written analysis (bench/analysis.md), embedded verbatim. */
	analysis: string | null
}

type Verdict = { ok: boolean | null; text: string }

const KIB = 1024

function num(value: number, digits = 0): string {
	return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** "median (min–max)", or just the value for one repetition. */
function fmt(summary: Summary | undefined, unit = 'ms', digits = 0, scale = 1): string {
	if (!summary || summary.n === 0) return '—'
	const m = `${num(summary.median / scale, digits)}${unit ? ` ${unit}` : ''}`
	if (summary.n === 1) return m
	if (num(summary.min / scale, digits) === num(summary.max / scale, digits)) return `${m} (all ${summary.n})`
	return `${m} (${num(summary.min / scale, digits)}–${num(summary.max / scale, digits)})`
}

function fmtRatio(value: number): string {
	return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—'
}

function judge(judged: boolean, value: number, limit: number, unit: string, digits = 0): Verdict {
	if (!judged) return { ok: null, text: 'not judged (smoke)' }
	if (!Number.isFinite(value)) return { ok: false, text: 'no figure' }
	if (value <= limit) return { ok: true, text: `met (≤ ${limit}${unit})` }
	const over = value - limit
	const pct = (over / limit) * 100
	return { ok: false, text: `**missed** by ${over.toFixed(digits)}${unit} (${pct.toFixed(pct < 10 ? 1 : 0)} % over ${limit}${unit})` }
}

function mark(verdict: Verdict): string {
	return verdict.ok === null ? '·' : verdict.ok ? '✅' : '❌'
}

function loadNote(results: BenchResults, module: string): string {
	const load = results.moduleLoad?.[module]
	const at = results.measuredAt?.[module]
	const when = at && at !== results.machine.startedAt ? ` Measured in the run of ${at}.` : ''
	if (!load || !Number.isFinite(load.otherBusyPct)) return when.trim()
	return `_While this was measured, other processes used ${num(load.otherBusyPct)} % of the machine's CPU on average (up to ${num(load.otherBusyMaxPct)} % over 5 s).${when}_`
}

function table(header: string[], rows: string[][]): string {
	return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
}

// --- summaries per measurement -------------------------------------------------------------

function propagationSummary<E extends string>(runs: { engine: E; n: number; all: { p50: number; p95: number; max: number } }[], engine: E, n: number) {
	const mine = runs.filter((run) => run.engine === engine && run.n === n)
	return {
		p50: summarize(mine.map((run) => run.all.p50)),
		p95: summarize(mine.map((run) => run.all.p95)),
		max: summarize(mine.map((run) => run.all.max)),
	}
}

function joinSummary(loads: JoinLoad[], page: JoinPage) {
	const mine = loads.filter((load) => load.page === page)
	return {
		// Recomputed so results of older runs (interactiveMs = selectedAt) read the same way.
		interactive: summarize(mine.map((load) => load.drawnMs + ((load.selectedMs ?? load.interactiveMs) - load.clickedMs))),
		selectedRaw: summarize(mine.map((load) => load.selectedMs ?? load.interactiveMs)),
		drawn: summarize(mine.map((load) => load.drawnMs)),
		clickToSelected: summarize(mine.map((load) => (load.selectedMs ?? load.interactiveMs) - load.clickedMs)),
		drawnToClick: summarize(mine.map((load) => load.clickedMs - load.drawnMs)),
		submitted: summarize(mine.flatMap((load) => (load.submittedMs === null ? [] : [load.submittedMs]))),
		jsEncoded: summarize(mine.map((load) => load.js.encoded)),
		jsDecoded: summarize(mine.map((load) => load.js.decoded)),
		jsTransfer: summarize(mine.map((load) => load.js.transfer)),
		jsFiles: summarize(mine.map((load) => load.js.count)),
		cssEncoded: summarize(mine.map((load) => load.css.encoded)),
		cssDecoded: summarize(mine.map((load) => load.css.decoded)),
		scripts: mine[0]?.scripts ?? [],
	}
}

const PAGE_LABEL: Record<JoinPage, string> = {
	ours: 'Threatroom session page (`/s/:id`, participant link)',
	bareSync: 'bare `<Tldraw/>` + `useSync` (bench/bareTldraw `/sync`, bare room)',
	bareLocal: 'bare `<Tldraw/>` (bench/bareTldraw `/`, diagram created locally)',
}

const ENGINE_LABEL: Record<PanelEngine, string> = {
	ours: 'Threatroom room',
	bare: 'bare TLSocketRoom',
	relay: 'partysocket relay',
}

export function writeReport(results: BenchResults, file: string): string {
	const { config, machine, load } = results
	const judged = config.judge
	const lines: string[] = []
	const push = (...more: string[]) => lines.push(...more)
	const summaryRows: string[][] = []
	const misses: string[] = []
	const moduleOf: Record<string, string> = { '1': 'canvas', '2': 'panel', '3': 'join', '4': 'join', '5': 'memory', '6': 'persistence', '7': 'reports' }
	const addRow = (figure: string, ours: string, baseline: string, ratioText: string, target: string, verdict: Verdict) => {
		const load = results.moduleLoad?.[moduleOf[figure.slice(0, 1)] ?? '']
		summaryRows.push([figure, ours, baseline, ratioText, target, `${mark(verdict)} ${verdict.text}`, load && Number.isFinite(load.otherBusyPct) ? `${num(load.otherBusyPct)} %` : '—'])
		if (verdict.ok === false) misses.push(`- **${figure}**: ${ours} vs ${baseline || 'target'} — ${verdict.text}.`)
	}

	push('# Benchmarks', '')
	push(
		`_Written by \`npm run bench\` (bench/run.ts), a **${config.mode}** run, on ${machine.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}._`,
		`_Figures are the median of ${config.reps} repetition${config.reps === 1 ? '' : 's'} with (min–max); each repetition is itself a batch (e.g. 60 edits → its p50/p95/max). Do not edit by hand: run the bench again._`,
		'',
	)

	// --- machine -------------------------------------------------------------------------
	const carried = Object.entries(results.measuredAt ?? {}).filter(([, at]) => at !== machine.startedAt)
	if (carried.length) {
		const byRun = new Map<string, string[]>()
		for (const [module, at] of carried) byRun.set(at, [...(byRun.get(at) ?? []), module])
		push(
			`_Partial run (\`--only\`): ${[...byRun].map(([at, modules]) => `${modules.join(', ')} measured in the run of ${at}`).join('; ')}; the rest in this run. Machine and load below are this run's; each section says how busy the machine was while it was measured._`,
			'',
		)
	}
	push('## Machine and conditions', '')
	const loadText = load
		? `loadavg at start ${machine.loadavgAtStart.map((value) => value.toFixed(2)).join(' / ')} (1/5/15 min), max ${load.loadavgMax.toFixed(2)} during the run, ${load.loadavgAtEnd.map((value) => value.toFixed(2)).join(' / ')} at the end. CPU of the whole machine busy ${num(load.machineBusyPct)} % on average: the bench and its servers ${num(load.benchBusyPct)} %, **other processes ${num(load.otherBusyPct)} %** (up to ${num(load.otherBusyMaxPct)} % over a 5 s window)`
		: `loadavg at start ${machine.loadavgAtStart.map((value) => value.toFixed(2)).join(' / ')}`
	push(
		table(
			['', ''],
			[
				['date', machine.startedAt],
				['machine', `${machine.cpus} CPUs (nproc), ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB RAM (${machine.memoryAvailableGiB.toFixed(1)} GiB available at start)`],
				['OS', machine.os],
				['Node', machine.node],
				['Chromium', results.chromium ?? '—'],
				['packages', Object.entries(machine.versions).map(([name, version]) => `${name} ${version}`).join(', ')],
				['code', `commit ${machine.commit || '?'}${machine.uncommittedFiles ? ` + ${machine.uncommittedFiles} uncommitted files in the working tree (built as they were)` : ''}`],
				['load', loadText],
				[
					'builds',
					`Threatroom \`next build\` ${results.builds.app?.buildMs == null ? `reused (${results.builds.app?.dir.endsWith('.build/app') ? 'bench/.build/app, same sources' : "the repo's .next, newer than every source"})` : `${(results.builds.app.buildMs / 1000).toFixed(0)} s`}, bare \`<Tldraw/>\` app ${results.builds.bare?.buildMs == null ? 'reused (same sources)' : `${(results.builds.bare.buildMs / 1000).toFixed(0)} s`}; both production builds`,
				],
				['run time', `${(results.durationMs / 60_000).toFixed(1)} min`],
			],
		),
		'',
	)
	const perModule = Object.entries(results.moduleLoad ?? {}).filter(([, value]) => Number.isFinite(value.otherBusyPct))
	if (perModule.length) {
		push(`CPU used by other processes while each measurement ran: ${perModule.map(([module, value]) => `${module} ${num(value.otherBusyPct)} %`).join(', ')}.`, '')
	}
	const busiest = Math.max(load?.otherBusyPct ?? 0, ...perModule.map(([, value]) => value.otherBusyPct))
	if (busiest > 10) {
		push(
			`> **Shared, busy machine.** Other processes (other people's builds and tests) used up to ${num(busiest)} % of this ${machine.cpus}-core machine during these measurements. Latencies and load times are inflated and spread wider than on a quiet machine; ratios against the baselines (measured interleaved, in the same run) hold up better than absolute figures. Re-run on a quiet machine (or with \`--wait-quiet=M\`) before reading small differences.`,
			'',
		)
	}

	// --- 1. canvas -----------------------------------------------------------------------
	const canvasSection: string[] = []
	if (results.canvas) {
		const runs = results.canvas
		const rows: string[][] = []
		for (const n of config.propagation.ns) {
			const ours = propagationSummary(runs, 'ours', n)
			const bare = propagationSummary(runs, 'bare', n)
			const oursRuns = runs.filter((run) => run.engine === 'ours' && run.n === n)
			const bareRuns = runs.filter((run) => run.engine === 'bare' && run.n === n)
			const health = (list: PropagationRun[]) =>
				`${list.reduce((sum, run) => sum + run.missing, 0)} / ${list.reduce((sum, run) => sum + run.drops, 0)} / ${list.reduce((sum, run) => sum + run.errors.length, 0)}`
			rows.push([`${n}`, 'ours', fmt(ours.p50), fmt(ours.p95), fmt(ours.max), health(oursRuns), fmt(summarize(oursRuns.map((run) => run.joinMs / 1000)), 's', 1)])
			rows.push([`${n}`, 'bare', fmt(bare.p50), fmt(bare.p95), fmt(bare.max), health(bareRuns), fmt(summarize(bareRuns.map((run) => run.joinMs / 1000)), 's', 1)])
			rows.push([`${n}`, '**ours / bare**', fmtRatio(ratio(ours.p50, bare.p50)), fmtRatio(ratio(ours.p95, bare.p95)), fmtRatio(ratio(ours.max, bare.max)), '', ''])
			if (n === 50 || n === 100 || !judged) {
				const r = ratio(ours.p95, bare.p95)
				addRow(`1. canvas edit propagation, N = ${n}, p95`, fmt(ours.p95), `bare ${fmt(bare.p95)}`, fmtRatio(r), '≤ 1.2 × bare', judge(judged && (n === 50 || n === 100), r, 1.2, '×', 2))
				if (n === 50 || !judged) addRow(`1. canvas edit propagation, N = ${n}, p95 absolute`, fmt(ours.p95), '', '', '≤ 100 ms', judge(judged && n === 50, ours.p95.median, 100, ' ms'))
			}
		}
		canvasSection.push(
			'## 1. Canvas edit propagation',
			'',
			loadNote(results, 'canvas'),
			'',
			`N headless tldraw clients (Node \`TLSyncClient\`, ${config.propagation.seedElements} boxes drawn first) in one room; per repetition ${config.propagation.edits} timed edits (after ${config.propagation.warmup} untimed), alternately moving a box and creating one, each by a random client, ${config.propagation.gapMs[0]}–${config.propagation.gapMs[1]} ms apart. Time: from the sender's \`store.put\` to the moment the **last** other client's store listener sees the change (what its screen would show next frame). p50/p95/max are over the edits of one repetition; the table gives their median (min–max) over repetitions. Clients run tldraw's real throttles: 'full' presence mode (30 fps pushes), frames of 16 ms. **ours**: \`next start\` + our party (real tokens from POST /api/sessions, our schema, authorizers, human-ID stamps, debounced saves to libSQL); **bare**: \`TLSocketRoom\` with tldraw's default schema, no auth, no persistence (bench/bareParty).`,
			'',
			table(['N', 'room', 'p50', 'p95', 'max', 'missing / drops / errors', 'all joined in'], rows),
			'',
		)
	}

	// --- 2. panel ------------------------------------------------------------------------
	const panelSection: string[] = []
	if (results.panel) {
		const runs = results.panel
		const rows: string[][] = []
		const kindRows: string[][] = []
		for (const n of config.panel.ns) {
			const summaries = Object.fromEntries((['ours', 'bare', 'relay'] as const).map((engine) => [engine, propagationSummary(runs, engine, n)])) as Record<PanelEngine, ReturnType<typeof propagationSummary>>
			for (const engine of ['ours', 'bare', 'relay'] as const) {
				const list = runs.filter((run) => run.engine === engine && run.n === n)
				const s = summaries[engine]
				rows.push([
					`${n}`,
					ENGINE_LABEL[engine],
					fmt(s.p50),
					fmt(s.p95),
					fmt(s.max),
					`${list.reduce((sum, run) => sum + run.missing, 0)} / ${list.reduce((sum, run) => sum + run.drops, 0)} / ${list.reduce((sum, run) => sum + run.errors.length, 0)}`,
				])
				kindRows.push([
					`${n}`,
					ENGINE_LABEL[engine],
					...(['threat', 'vote', 'phase'] as const).map((kind) => fmt(summarize(list.map((run) => run.byKind[kind].p95)))),
				])
			}
			rows.push([`${n}`, '**ours / bare**', fmtRatio(ratio(summaries.ours.p50, summaries.bare.p50)), fmtRatio(ratio(summaries.ours.p95, summaries.bare.p95)), fmtRatio(ratio(summaries.ours.max, summaries.bare.max)), ''])
			if (n === 50 || !judged) {
				addRow(`2. panel events, N = ${n}, p95`, fmt(summaries.ours.p95), `bare ${fmt(summaries.bare.p95)} · relay ${fmt(summaries.relay.p95)}`, fmtRatio(ratio(summaries.ours.p95, summaries.bare.p95)), '≤ 100 ms and ≤ 1.2 × bare', (() => {
					const abs = judge(judged, summaries.ours.p95.median, 100, ' ms')
					const rel = judge(judged, ratio(summaries.ours.p95, summaries.bare.p95), 1.2, '×', 2)
					if (abs.ok === null) return abs
					if (abs.ok && rel.ok) return { ok: true, text: 'met (both)' }
					return { ok: false, text: [abs.ok ? '' : `absolute ${abs.text}`, rel.ok ? '' : `ratio ${rel.text}`].filter(Boolean).join('; ') }
				})())
			}
			if (n === 100 || (!judged && n === Math.max(...config.panel.ns))) {
				const list = runs.filter((run) => run.engine === 'ours' && run.n === n)
				const missing = list.reduce((sum, run) => sum + run.missing, 0)
				const drops = list.reduce((sum, run) => sum + run.drops, 0)
				const errors = list.reduce((sum, run) => sum + run.errors.length, 0)
				const clean = missing + drops + errors === 0
				addRow(
					`2. panel events, N = ${n}, health`,
					`${missing} missing, ${drops} drops, ${errors} errors`,
					'',
					'',
					'no error, no dropped client',
					judged ? { ok: clean, text: clean ? 'met' : '**missed**' } : { ok: null, text: clean ? 'clean (not judged)' : 'not clean (not judged)' },
				)
			}
		}
		panelSection.push(
			'## 2. Panel events',
			'',
			loadNote(results, 'panel'),
			'',
			`The same N clients; per repetition ${config.panel.events} timed events (after ${config.panel.warmup} untimed) in turn: a participant adds a threat, another participant votes on it, the facilitator changes the phase. Time until every other client has the record. **ours**: the room's object lane (authorizers, T-number / author / clock stamps, projection to libSQL on save); **bare**: \`TLSocketRoom\` whose object lane carries the same payloads as three pass-through custom record types; **relay**: a party that only rebroadcasts (bench/relayParty), partysocket clients that parse each message — no sync engine, no throttle: the transport's floor.`,
			'',
			table(['N', 'engine', 'p50', 'p95', 'max', 'missing / drops / errors'], rows),
			'',
			'p95 by event kind (median over repetitions):',
			'',
			table(['N', 'engine', 'threat added', 'vote', 'phase change'], kindRows),
			'',
		)
	}

	// --- 3 + 4. join and JS --------------------------------------------------------------
	const joinSection: string[] = []
	const jsSection: string[] = []
	if (results.join) {
		const loads = results.join
		const s = Object.fromEntries(JOIN_PAGES.map((page) => [page, joinSummary(loads, page)])) as Record<JoinPage, ReturnType<typeof joinSummary>>
		const rows = JOIN_PAGES.map((page) => [
			PAGE_LABEL[page],
			fmt(s[page].submitted),
			fmt(s[page].drawn),
			fmt(s[page].drawnToClick),
			fmt(s[page].clickToSelected),
			fmt(s[page].selectedRaw),
			`**${fmt(s[page].interactive)}**`,
		])
		const vsSync = ratio(s.ours.interactive, s.bareSync.interactive)
		const vsLocal = ratio(s.ours.interactive, s.bareLocal.interactive)
		addRow('3. join, interactive with the 50-element diagram, median', fmt(s.ours.interactive), `bare+sync ${fmt(s.bareSync.interactive)} · bare local ${fmt(s.bareLocal.interactive)}`, `${fmtRatio(vsSync)} (vs local ${fmtRatio(vsLocal)})`, '≤ 1.5 × bare+sync and ≤ 2 s', (() => {
			const abs = judge(judged, s.ours.interactive.median, 2000, ' ms')
			const rel = judge(judged, vsSync, 1.5, '×', 2)
			if (abs.ok === null) return abs
			if (abs.ok && rel.ok) return { ok: true, text: 'met (both)' }
			return { ok: false, text: [abs.ok ? '' : `absolute ${abs.text}`, rel.ok ? '' : `ratio ${rel.text}`].filter(Boolean).join('; ') }
		})())
		joinSection.push(
			'## 3. Join',
			'',
			loadNote(results, 'join'),
			'',
			`Headless Chromium, a fresh browser context per load (empty cache), 1400×900. The session holds a ${config.join.elements}-element diagram (35 DFD boxes, 15 flows bound to them) drawn by a facilitator who stays connected (Node client); the bare room holds the same layout as geo boxes and arrows. ${config.join.warmupLoads ? `${config.join.warmupLoads} untimed load per page first; ` : ''}pages interleaved, order rotated per repetition.`,
			'',
			'**"Interactive with the diagram drawn"**, the same for every page, in ms from navigation start: all 50 elements have their `.tl-shape[data-shape-id]` node in the DOM and the last box is displayed (*drawn*); Playwright then clicks that box (a trusted mouse event, sent as soon as *drawn* is seen) and the editor answers: its store holds the box as selected and one more frame is painted (*click → selected*). **interactive = drawn + (click → selected)**: the harness\'s own latency between seeing *drawn* and its click landing (polling, CDP round trips) is left out; the column with it included is shown too. The session page additionally checks the link (POST /join) and shows the name form, pre-filled from localStorage and submitted by Playwright as soon as it is visible (*name submitted*).',
			'',
			table(['page', 'name submitted', 'drawn', 'drawn → click (harness)', 'click → selected', 'selected (harness included)', 'interactive = drawn + (click → selected)'], rows),
			'',
			`ours / bare+sync: **${fmtRatio(vsSync)}**; ours / bare local: ${fmtRatio(vsLocal)}. The target compares with bare+sync: both load the diagram from a room over the network; the local page is the floor.`,
			'',
		)

		const encVsLocal = ratio(s.ours.jsEncoded, s.bareLocal.jsEncoded)
		const rawVsLocal = ratio(s.ours.jsDecoded, s.bareLocal.jsDecoded)
		const encVsSync = ratio(s.ours.jsEncoded, s.bareSync.jsEncoded)
		const rawVsSync = ratio(s.ours.jsDecoded, s.bareSync.jsDecoded)
		addRow('4. first-load JS, gzip', fmt(s.ours.jsEncoded, 'KiB', 0, KIB), `bare ${fmt(s.bareLocal.jsEncoded, 'KiB', 0, KIB)} · bare+sync ${fmt(s.bareSync.jsEncoded, 'KiB', 0, KIB)}`, `${fmtRatio(encVsLocal)} (vs +sync ${fmtRatio(encVsSync)})`, '≤ 1.15 × bare', judge(judged, encVsLocal, 1.15, '×', 3))
		addRow('4. first-load JS, raw', fmt(s.ours.jsDecoded, 'KiB', 0, KIB), `bare ${fmt(s.bareLocal.jsDecoded, 'KiB', 0, KIB)} · bare+sync ${fmt(s.bareSync.jsDecoded, 'KiB', 0, KIB)}`, `${fmtRatio(rawVsLocal)} (vs +sync ${fmtRatio(rawVsSync)})`, '≤ 1.15 × bare', judge(judged, rawVsLocal, 1.15, '×', 3))
		jsSection.push(
			'## 4. First-load JS',
			'',
			loadNote(results, 'join'),
			'',
			'Every `.js` resource the page loaded from navigation until *interactive* (section 3, same loads: the lazily loaded canvas chunks included), summed from the Performance API (`PerformanceResourceTiming`): *gzip* = `encodedBodySize` (`next start` compresses with gzip), *raw* = `decodedBodySize`, *on the wire* = `transferSize` (headers included). Both apps are production builds of the same Next.js and tldraw, made in this run.',
			'',
			table(
				['page', 'JS files', 'gzip', 'raw', 'on the wire', 'CSS gzip / raw'],
				JOIN_PAGES.map((page) => [
					PAGE_LABEL[page],
					fmt(s[page].jsFiles, ''),
					fmt(s[page].jsEncoded, 'KiB', 0, KIB),
					fmt(s[page].jsDecoded, 'KiB', 0, KIB),
					fmt(s[page].jsTransfer, 'KiB', 0, KIB),
					`${fmt(s[page].cssEncoded, 'KiB', 0, KIB)} / ${fmt(s[page].cssDecoded, 'KiB', 0, KIB)}`,
				]),
			),
			'',
			`ours / bare \`<Tldraw/>\`: **${fmtRatio(encVsLocal)} gzip, ${fmtRatio(rawVsLocal)} raw** (the target's baseline); ours / bare \`<Tldraw/>\` + \`useSync\`: ${fmtRatio(encVsSync)} gzip, ${fmtRatio(rawVsSync)} raw. Extra bytes of ours over bare: ${num((s.ours.jsEncoded.median - s.bareLocal.jsEncoded.median) / KIB)} KiB gzip, ${num((s.ours.jsDecoded.median - s.bareLocal.jsDecoded.median) / KIB)} KiB raw.`,
			'',
			'Largest scripts (first load of each page; chunk names are content hashes, so they differ between the two builds):',
			'',
			table(
				['page', 'largest JS files: raw KiB (gzip KiB)'],
				JOIN_PAGES.map((page) => [
					PAGE_LABEL[page],
					s[page].scripts
						.slice(0, 6)
						.map((script) => `${num(script.decoded / KIB)} (${num(script.encoded / KIB)})`)
						.join(', '),
				]),
			),
			'',
		)
	}

	// --- 5. memory -----------------------------------------------------------------------
	const memorySection: string[] = []
	if (results.memory) {
		const memory = results.memory
		const soak = memory.soak
		// Growth is what the target forbids; memory handed back (a negative slope) is fine. Judged on
		// the second half: the first minutes hold the runtime's warm-up (JIT, heap and storage caches
		// sizing up to the load), which levels off; a leak keeps its slope to the end.
		const grows = judge(judged, soak.workerdSecondHalfSlopeMbPerMin, 1, ' MB/min', 2)
		const top = memory.levels.at(-1)
		addRow(
			`5. room memory, ${top?.clients ?? '?'} clients, ${config.memory.elements} elements`,
			`workerd ${fmt(summarize(top?.workerdMb ?? []), 'MB')}; tree ${fmt(summarize(top?.treeMb ?? []), 'MB')}`,
			`idle party: workerd ${num(memory.idleWorkerdMb)} MB; tree ${num(memory.idleMb)} MB`,
			'',
			'reported (no target)',
			{ ok: null, text: 'reported' },
		)
		addRow(
			`5. room memory soak, ${soak.seconds} s of steady edits, ${soak.clients} clients`,
			`workerd second half ${soak.workerdSecondHalfSlopeMbPerMin.toFixed(2)} MB/min (whole soak ${soak.workerdSlopeMbPerMin.toFixed(2)}, ${num(soak.samples[0]?.workerdMb ?? Number.NaN)} → ${num(soak.samples.at(-1)?.workerdMb ?? Number.NaN)} MB)`,
			'',
			'',
			'no growth: workerd slope ≤ 1 MB/min in steady state (second half)',
			grows,
		)
		const first = soak.samples[0]
		const last = soak.samples.at(-1)
		memorySection.push(
			'## 5. Room memory',
			'',
			loadNote(results, 'memory'),
			'',
			`Resident memory (RSS, from /proc) of our party — the process tree of \`partykit dev\` (its node CLI, its esbuild service, and **workerd**, the runtime the rooms live in), ${config.memory.freshParty ? 'started afresh for this measurement (no other room loaded), ' : ''}with one session holding a ${config.memory.elements}-element diagram and N connected clients; ${config.memory.samplesPerLevel} sample${config.memory.samplesPerLevel === 1 ? '' : 's'} per level, ${config.memory.settleMs / 1000} s after the last client joined. Idle party, before any room: workerd ${num(memory.idleWorkerdMb)} MB, whole tree ${num(memory.idleMb)} MB.`,
			'',
			table(
				['clients', 'workerd', 'process tree'],
				memory.levels.map((level) => [`${level.clients}`, fmt(summarize(level.workerdMb), 'MB'), fmt(summarize(level.treeMb), 'MB')]),
			),
			'',
			`**Soak:** ${soak.clients} clients connected, one edit every ${config.memory.soakEditEveryMs} ms for ${soak.seconds} s (${soak.edits} edits: box moves by random clients, every fifth a facilitator's threat edit — nothing is added, so the document does not grow; the room saves to the app every 1–2 s meanwhile). RSS every ${config.memory.soakSampleEveryMs / 1000} s. workerd ${num(first?.workerdMb ?? Number.NaN)} → ${num(last?.workerdMb ?? Number.NaN)} MB, least-squares slope after the first 10 %: **${soak.workerdSlopeMbPerMin.toFixed(2)} MB/min**, ${soak.workerdSecondHalfSlopeMbPerMin.toFixed(2)} MB/min over the second half. Whole tree ${num(first?.treeMb ?? Number.NaN)} → ${num(last?.treeMb ?? Number.NaN)} MB, ${soak.slopeMbPerMin.toFixed(2)} MB/min (the dev CLI's own heap moves it). Clients: ${soak.errors.length} errors, ${soak.drops} drops. The target: no growth, read as a workerd slope of at most 1 MB/min over the second half of the soak (the first minutes are the runtime's warm-up, which levels off; a leak keeps its slope; V8's collector moves RSS by a few MB either way). \`--soak-seconds=1800\` gives a longer look.`,
			'',
			`workerd samples (minute: MB): ${soak.samples.map((point) => `${point.minute.toFixed(1)}: ${point.workerdMb.toFixed(0)}`).join(', ')}`,
			'',
			`Processes at the end: ${memory.processes.map((entry) => `${entry.command} ${entry.rssMb.toFixed(0)} MB`).join(', ')}.`,
			'',
		)
	}

	// --- 6. persistence ------------------------------------------------------------------
	const persistenceSection: string[] = []
	if (results.persistence) {
		const { save, load: loadFigures } = results.persistence
		const http = summarize(save.httpMs)
		const direct = summarize(save.directMs)
		const raw = summarize(save.rawMs)
		const saveRatio = ratio(http, raw)
		addRow(`6. save ${save.threats} threats (PUT internal canvas → saveCanvas)`, fmt(http), `raw batch ${fmt(raw)}`, fmtRatio(saveRatio), '≤ 4 × raw', judge(judged, saveRatio, 4, '×', 2))
		const cold = summarize(loadFigures.coldJoinMs)
		addRow(
			`6. load ${loadFigures.elements} elements + ${loadFigures.threats} threats (GET canvas + room load + first sync)`,
			fmt(cold),
			`GET canvas alone ${fmt(summarize(loadFigures.getCanvasMs))}`,
			'',
			'≤ 300 ms',
			judge(judged, cold.median, 300, ' ms'),
		)
		persistenceSection.push(
			'## 6. Persistence',
			'',
			loadNote(results, 'persistence'),
			'',
			`**Save.** The body our room sends for a session of ${save.threats} threats (${config.persistence.saveElements} elements), produced by the real room (seeded through it, read back from the app), PUT to \`/api/internal/sessions/:id/canvas\` of \`next start\` (${num(save.bodyBytes / KIB)} KiB JSON): request parsing, zod, workshop-record validation and projection, DFD projection, one transaction on the libSQL file. Compared with a raw \`@libsql/client\` \`batch\` inserting the same ${save.threats} threat rows (one INSERT each, one write transaction, same table and file settings — WAL), no drizzle, no validation, no snapshot.`,
			'',
			table(
				['path', 'time'],
				[
					['PUT internal canvas (HTTP, end to end)', `**${fmt(http)}**`],
					['`saveCanvas()` alone, in process (same code, own database file)', fmt(direct)],
					['&nbsp;&nbsp;of which, before the transaction: `extractSessionRecords` (validators)', fmt(summarize(save.parts.extractRecordsMs))],
					['HTTP side, in process: `JSON.parse` of the body', fmt(summarize(save.parts.jsonParseMs))],
					['HTTP side, in process: zod `saveCanvasBody`', fmt(summarize(save.parts.bodySchemaMs))],
					[`raw \`@libsql/client\` batch of ${save.threats} INSERTs`, `**${fmt(raw)}**`],
					['**ours / raw**', `**${fmtRatio(saveRatio)}**`],
				],
			),
			'',
			`**Load.** A session of ${loadFigures.elements} elements and ${loadFigures.threats} threats (snapshot ${num(loadFigures.snapshotBytes / KIB)} KiB), saved by the room, copied into fresh sessions so each repetition opens a room nobody has loaded.`,
			'',
			table(
				['step', 'time'],
				[
					['GET internal canvas (HTTP, end to end)', fmt(summarize(loadFigures.getCanvasMs))],
					['first participant joins the unloaded room: authorize + GET canvas + room built + first sync, until `onLoad`', `**${fmt(cold)}**`],
					['second participant joins the loaded room (authorize + first sync)', fmt(summarize(loadFigures.warmJoinMs))],
				],
			),
			'',
		)
	}

	// --- 7. reports ----------------------------------------------------------------------
	const reportsSection: string[] = []
	if (results.reports) {
		const reports = results.reports
		const label: Record<ReportFormat, string> = { markdown: 'Markdown', csv: 'CSV', json: 'JSON', threatDragon: 'Threat Dragon' }
		for (const format of REPORT_FORMATS) {
			const total = summarize(reports.totalMs[format])
			addRow(`7. ${label[format]} of ${reports.threats} threats (model + format)`, fmt(total), '', '', '≤ 200 ms', judge(judged, total.median, 200, ' ms'))
			const route = reports.route.ms[format]
			if (route) addRow(`7. ${label[format]} via GET /export`, fmt(summarize(route)), '', '', '≤ 200 ms', judge(judged, summarize(route).median, 200, ' ms'))
		}
		reportsSection.push(
			'## 7. Reports',
			'',
			loadNote(results, 'reports'),
			'',
			`Pure builders in the bench process (after one untimed call each): the web-shop fixture with ${reports.threats} threats, three votes and a decision each. The session model is built once per export; "model + format" is what one export does.`,
			'',
			table(
				['format', 'model + format', 'format alone', 'output'],
				REPORT_FORMATS.map((format) => [label[format], `**${fmt(summarize(reports.totalMs[format]))}**`, fmt(summarize(reports.formatMs[format])), `${num(reports.outputBytes[format] / KIB)} KiB`]),
			),
			'',
			`Session model alone: ${fmt(summarize(reports.modelMs))}.`,
			'',
			`HTTP route: ${reports.route.note}.`,
			'',
		)
		if (reports.route.present) {
			reportsSection.push(
				table(
					['format', 'GET /api/sessions/:id/export (HTTP, end to end)', 'bytes'],
					REPORT_FORMATS.map((format) => [label[format], fmt(summarize(reports.route.ms[format] ?? [])), reports.route.bytes[format] === undefined ? '—' : `${num((reports.route.bytes[format] ?? 0) / KIB)} KiB`]),
				),
				'',
			)
		}
	}

	// --- assemble --------------------------------------------------------------------------
	push('## Summary', '')
	push(table(['figure', 'ours', 'baseline (same run)', 'ratio', 'target', 'verdict', 'CPU used by others meanwhile'], summaryRows), '')
	if (results.warnings?.length) push('**Warnings:**', '', ...results.warnings.map((warning) => `- ${warning}`), '')
	if (results.errors.length) {
		push('**Measurements that failed in this run:**', '', ...results.errors.map((error) => `- ${error.module}: ${error.message.split('\n')[0]}`), '')
	}
	if (judged) {
		push('### Missed targets', '')
		push(misses.length ? misses.join('\n') : 'None.', '')
	}
	push(...canvasSection, ...panelSection, ...joinSection, ...jsSection, ...memorySection, ...persistenceSection, ...reportsSection)
	if (results.analysis) push('## Analysis', '', results.analysis.trim(), '')
	push(
		'## How to run',
		'',
		'```sh',
		'npm run bench             # full run (~20 min on 2 cores), writes BENCHMARKS.md',
		'npm run bench -- --smoke  # CI: everything once with N = 5, short soak, no targets (< 90 s); writes bench/results/BENCHMARKS.smoke.md',
		'```',
		'',
		'Options: `--only=canvas,panel,join,memory,persistence,reports` (the others are kept from the last full run), `--reps=N`, `--soak-seconds=S`, `--wait-quiet=M` (before each measurement, wait up to M minutes for other processes to use < 20 % of the CPU), `--out=FILE`, `--report-only` (re-render from `bench/results/full.json`, e.g. after editing `bench/analysis.md`), `--verbose` (server output). Raw results: `bench/results/<mode>.json`; the party\'s log (its write-ahead timings): `bench/results/party-<mode>.log`. What the first-load JS is made of: `npx tsx bench/tools/jsComposition.ts`.',
		'',
	)
	const text = `${lines.join('\n')}\n`
	fs.writeFileSync(file, text)
	return text
}
