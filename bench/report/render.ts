import { mark, num, table } from './figures'
import type { BenchModule, BenchResultsFile, BenchRun } from './schema'
import type { RenderedSection, RenderOptions, SummaryRow } from './section'
import { provenanceRow } from './section'
import { renderBigModel } from './sections/bigModel'
import { renderCanvas } from './sections/canvas'
import { renderJoin } from './sections/join'
import { renderMemory } from './sections/memory'
import { renderPanel } from './sections/panel'
import { renderPersistence } from './sections/persistence'
import { renderReports } from './sections/reports'
import { renderRooms } from './sections/rooms'
import { fillTemplate } from './template'

// BENCHMARKS.md from the raw results and the hand-written analysis: machine and conditions, where
// each section's figures come from, a summary against the issue's targets, one section per
// measurement, the analysis with its figures filled in. Pure: the same inputs give the same bytes,
// which is what lets a unit test hold the committed BENCHMARKS.md to its committed results.

export interface RenderSources {
	/** Paths named in the document, relative to the repo. */
	resultsPath: string
	analysisPath: string | null
}

function machineTable(run: BenchRun, chromium: string | null): string {
	const load = run.load
	const loadText = load
		? `loadavg at start ${run.loadavgAtStart.map((value) => value.toFixed(2)).join(' / ')} (1/5/15 min), max ${load.loadavgMax.toFixed(2)} during the run, ${load.loadavgAtEnd.map((value) => value.toFixed(2)).join(' / ')} at the end. CPU of the whole machine busy ${num(load.machineBusyPct)} % on average: the bench and its servers ${num(load.benchBusyPct)} %, **other processes ${num(load.otherBusyPct)} %** (up to ${num(load.otherBusyMaxPct)} % over a 5 s window)`
		: `loadavg at start ${run.loadavgAtStart.map((value) => value.toFixed(2)).join(' / ')}`
	const build = (ms: number | null) => (ms === null ? 'reused (same sources)' : `${(ms / 1000).toFixed(0)} s`)
	return table(
		['', ''],
		[
			['date', run.startedAt],
			[
				'machine',
				`${run.cpus} CPUs (nproc), ${run.cpuModel}, ${run.memoryGiB.toFixed(1)} GiB RAM (${run.memoryAvailableGiB.toFixed(1)} GiB available at start)`,
			],
			['OS', run.os],
			['Node', run.node],
			['Chromium', chromium ?? '—'],
			[
				'packages',
				Object.entries(run.versions)
					.map(([name, version]) => `${name} ${version}`)
					.join(', '),
			],
			[
				'code',
				`commit ${run.commit}${run.dirty === null ? ' (working tree unknown)' : run.dirty ? ' + uncommitted changes in the working tree (built as they were)' : ''}`,
			],
			['load', loadText],
			['builds', `Threatroom \`next build\` ${build(run.builds.appMs)}, bare \`<Tldraw/>\` app ${build(run.builds.bareMs)}; both production builds`],
			['run time', `${(run.durationMs / 60_000).toFixed(1)} min`],
		],
	)
}

const SECTION_TITLES: Record<BenchModule, string> = {
	canvas: '1. Canvas edit propagation',
	panel: '2. Panel events',
	join: '3. Join and 4. First-load JS',
	persistence: '6. Persistence',
	reports: '7. Reports',
	memory: '5. Room memory',
	rooms: '8. Many rooms',
	bigModel: '9. Big models',
}

export function renderBenchmarks(results: BenchResultsFile, analysisTemplate: string | null, sources: RenderSources): string {
	const options: RenderOptions = { judged: results.mode === 'full' }
	const { sections, run } = results
	const rendered: Partial<Record<BenchModule, RenderedSection>> = {
		canvas: sections.canvas ? renderCanvas(sections.canvas, options) : undefined,
		panel: sections.panel ? renderPanel(sections.panel, options) : undefined,
		join: sections.join ? renderJoin(sections.join, options) : undefined,
		memory: sections.memory ? renderMemory(sections.memory, options) : undefined,
		persistence: sections.persistence ? renderPersistence(sections.persistence, options) : undefined,
		reports: sections.reports ? renderReports(sections.reports, options) : undefined,
		rooms: sections.rooms ? renderRooms(sections.rooms, options) : undefined,
		bigModel: sections.bigModel ? renderBigModel(sections.bigModel, options) : undefined,
	}
	// The document's order: the issue's numbering.
	const order: BenchModule[] = ['canvas', 'panel', 'join', 'memory', 'persistence', 'reports', 'rooms', 'bigModel']
	const present = order.filter((module) => rendered[module] !== undefined)
	const otherBusy = (module: BenchModule) => sections[module]?.provenance.otherBusyPct ?? null

	const lines: string[] = ['# Benchmarks', '']
	lines.push(
		`_Rendered by bench/report/render.ts from the raw results of **${results.mode}** runs in \`${sources.resultsPath}\`${sources.analysisPath ? ` and the analysis in \`${sources.analysisPath}\`` : ''}: \`npm run bench\` measures and writes both, \`npm run bench:report\` renders the committed full results again. Do not edit by hand: a unit test fails when BENCHMARKS.md differs from what its results give._`,
		'_Figures are the median over repetitions with (min–max); each repetition is itself a batch (e.g. 60 edits → its p50/p95/max)._',
		'',
		'## Provenance',
		'',
		'Each section comes from the run named here; `npm run bench -- --only=…` re-measures some sections and keeps the others.',
		'',
		table(
			['section', 'measured in the run of', 'commit', 'working tree', 'Node', 'CPU used by others', 'figures'],
			present.map((module) => {
				const section = sections[module]
				return section ? provenanceRow(SECTION_TITLES[module], section.provenance) : []
			}),
		),
		'',
		'## Machine and conditions',
		'',
		`The last run that wrote the results${run.transcribedFrom ? ` (transcribed from ${run.transcribedFrom})` : ''}; every section's own conditions are in its first line.`,
		'',
		machineTable(run, sections.join?.chromium ?? null),
		'',
	)
	const busiest = Math.max(run.load?.otherBusyPct ?? 0, ...present.map((module) => otherBusy(module) ?? 0))
	if (busiest > 10) {
		lines.push(
			`> **Shared, busy machine.** Other processes (other people's builds and tests) used up to ${num(busiest)} % of this ${run.cpus}-core machine during these measurements. Latencies and load times are inflated and spread wider than on a quiet machine; ratios against the baselines (measured interleaved, in the same run) hold up better than absolute figures. Re-run on a quiet machine (or with \`--wait-quiet=M\`) before reading small differences.`,
			'',
		)
	}

	const summary: SummaryRow[] = present.flatMap((module) => rendered[module]?.summary ?? [])
	lines.push('## Summary', '')
	lines.push(
		table(
			['figure', 'ours', 'baseline (same run)', 'ratio', 'target', 'verdict', 'CPU used by others meanwhile'],
			summary.map((row) => {
				const other = otherBusy(row.module)
				return [
					row.figure,
					row.ours,
					row.baseline,
					row.ratio,
					row.target,
					`${mark(row.verdict)} ${row.verdict.text}`,
					other === null || !Number.isFinite(other) ? '—' : `${num(other)} %`,
				]
			}),
		),
		'',
	)
	if (run.warnings.length) lines.push('**Warnings:**', '', ...run.warnings.map((warning) => `- ${warning}`), '')
	if (run.errors.length)
		lines.push('**Measurements that failed in the last run:**', '', ...run.errors.map((error) => `- ${error.module}: ${error.message.split('\n')[0]}`), '')
	if (options.judged) {
		const misses = summary
			.filter((row) => row.verdict.ok === false)
			.map((row) => `- **${row.figure}**: ${row.ours} vs ${row.baseline || 'target'} — ${row.verdict.text}.`)
		lines.push('### Missed targets', '', misses.length ? misses.join('\n') : 'None.', '')
	}
	for (const module of present) lines.push(...(rendered[module]?.body ?? []))

	if (analysisTemplate !== null) {
		const figures: Record<string, string> = Object.assign({}, ...present.map((module) => rendered[module]?.figures ?? {}))
		lines.push('## Analysis', '', fillTemplate(analysisTemplate, figures).trim(), '')
	}
	lines.push(
		'## How to run',
		'',
		'```sh',
		'npm run bench             # full run (~20 min on 2 cores): writes bench/results/full.json and BENCHMARKS.md',
		'npm run bench:report      # BENCHMARKS.md again from bench/results/full.json and bench/analysis.md (after editing the analysis)',
		'npm run bench -- --smoke  # CI: everything once with N = 5, short soak, no targets; writes bench/results/smoke.json and BENCHMARKS.smoke.md (ignored)',
		'```',
		'',
		"Options: `--only=canvas,panel,join,memory,persistence,reports,rooms,bigModel` (the others are kept from the last full run, with their provenance), `--reps=N`, `--soak-seconds=S`, `--wait-quiet=M` (before each measurement, wait up to M minutes for other processes to use < 20 % of the CPU), `--out=FILE` (a scratch run: FILE and its .json beside it, the committed results untouched), `--verbose` (server output). The party's log (its write-ahead timings): `bench/results/party-<mode>.log`. What the first-load JS is made of: `npx tsx bench/tools/jsComposition.ts`.",
		'',
	)
	return `${lines.join('\n')}\n`
}
