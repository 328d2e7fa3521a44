// `npm run bench` — Threatroom's benchmarks against production builds made in this run, on
// 127.0.0.1 only. Writes the raw results, bench/results/full.json (committed), and BENCHMARKS.md
// rendered from them (bench/report/); --smoke (for CI) writes bench/results/smoke.json and
// BENCHMARKS.smoke.md beside it, never the committed ones. See BENCHMARKS.md's "How to run" and the
// modules in bench/measure/ for what each figure means.
//
//   npm run bench [-- --smoke] [--only=canvas,panel,join,memory,persistence,reports,rooms,bigModel] [--reps=N]
//                 [--soak-seconds=S] [--out=FILE] [--app-build=fresh|reuse] [--verbose]

import './lib/shims'
import { requireSupportedNode } from '../scripts/lib/nodeVersion.mjs'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { benchConfig } from './config'
import { type BuildResult, buildApp, buildBareApp } from './lib/build'
import { acquireBenchLock } from './lib/lock'
import { machineInfo, otherBusyPctOver, startLoadMonitor } from './lib/machine'
import { ROOT, stopAllProcesses } from './lib/processes'
import { type BenchStack, startStack } from './lib/stack'
import { measureBigModel } from './measure/bigModel'
import { measureCanvasPropagation } from './measure/canvasPropagation'
import { measureJoin } from './measure/join'
import { measureManyRooms } from './measure/manyRooms'
import { measurePanelEvents } from './measure/panelEvents'
import { measurePersistence } from './measure/persistence'
import { measureReports } from './measure/reports'
import { measureRoomMemory } from './measure/roomMemory'
import { bigModelSection } from './report/bigModelFromRun'
import { readResults, writeResults } from './report/files'
import { canvasSection, joinSection, memorySection, panelSection, persistenceSection, reportsSection, roomsSection } from './report/fromRun'
import { renderBenchmarks } from './report/render'
import { BENCH_MODULES, type BenchModule, type BenchResultsFile, type BenchSections, type Provenance } from './report/schema'

await requireSupportedNode('npm run bench')

const MODULES = BENCH_MODULES
type Module = BenchModule

const { values: args } = parseArgs({
	options: {
		smoke: { type: 'boolean', default: false },
		only: { type: 'string' },
		reps: { type: 'string' },
		'soak-seconds': { type: 'string' },
		out: { type: 'string' },
		'app-build': { type: 'string' },
		'wait-quiet': { type: 'string' },
		verbose: { type: 'boolean', default: false },
	},
	strict: true,
})

function positiveInt(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined
	const parsed = Number(value)
	if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`)
	return parsed
}

const config = benchConfig(args.smoke ?? false, { reps: positiveInt(args.reps, 'reps'), soakSeconds: positiveInt(args['soak-seconds'], 'soak-seconds') })
const only = new Set<Module>(
	(
		args.only
			?.split(',')
			.map((name) => name.trim())
			.filter(Boolean) ?? [...MODULES]
	).map((name) => {
		if (!(MODULES as readonly string[]).includes(name)) throw new Error(`--only: unknown measurement "${name}" (known: ${MODULES.join(', ')})`)
		return name as Module
	}),
)
const reuseAppBuild = args['app-build'] ? args['app-build'] === 'reuse' : config.mode === 'smoke'
const resultsDir = path.join(ROOT, 'bench', 'results')
// With --out a scratch run writes FILE and its .json beside it: the committed results stay as they are.
const outFile = path.resolve(ROOT, args.out ?? (config.mode === 'full' ? 'BENCHMARKS.md' : 'bench/results/BENCHMARKS.smoke.md'))
const resultsFile = args.out ? `${outFile.replace(/\.md$/, '')}.json` : path.join(resultsDir, `${config.mode}.json`)
const verbose = args.verbose ?? false
/** --wait-quiet=M: before each measurement, wait up to M minutes for other processes to use < 20 % of the machine. */
const waitQuietMs = (positiveInt(args['wait-quiet'], 'wait-quiet') ?? 0) * 60_000
const QUIET_OTHER_PCT = 20
const QUIET_PROBE_MS = 5_000

const runStarted = performance.now()
const log = (line: string) => console.log(`[bench ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(4)} s] ${line}`)

// Every process this run starts is stopped on the way out, whatever the way.
let stopping: Promise<void> | null = null
function stopEverything(): Promise<void> {
	stopping ??= stopAllProcesses()
	return stopping
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		log(`${signal}: stopping every process the bench started`)
		void stopEverything().finally(() => process.exit(130))
	})
}
process.on('uncaughtException', (error) => {
	console.error('[bench] uncaught exception:', error)
	void stopEverything().finally(() => process.exit(1))
})
process.on('unhandledRejection', (error) => {
	console.error('[bench] unhandled rejection:', error)
	void stopEverything().finally(() => process.exit(1))
})

// Before anything else: one bench process per checkout (see lib/lock.ts).
try {
	acquireBenchLock(`npm run bench (${config.mode})`)
} catch (error) {
	console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`)
	process.exit(2)
}

const machine = machineInfo()
const monitor = startLoadMonitor()
const errors: { module: string; message: string }[] = []
const warnings: string[] = []
const builds: { appMs: number | null; bareMs: number | null } = { appMs: null, bareMs: null }

// The last run's sections, each with its own provenance: every section starts as it was, and only a
// measurement that succeeds replaces it. So a run with --only keeps the others, and a failed one
// keeps its last figures (the failure is listed in the report).
let previous: BenchSections | null = null
if (fs.existsSync(resultsFile)) {
	try {
		previous = readResults(resultsFile).sections
	} catch (error) {
		// The committed full results are never dropped silently; a scratch file may be.
		if (config.mode === 'full' && !args.out) {
			console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`)
			process.exit(2)
		}
		console.warn(`[bench] the previous results are not kept: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
	}
}
const sections: BenchSections = previous ?? { canvas: null, panel: null, join: null, persistence: null, reports: null, memory: null, rooms: null }

/** Where one module's figures come from: this checkout, now, and how busy the machine was meanwhile. */
function provenanceOf(load: { otherBusyPct: number; otherBusyMaxPct: number }): Provenance {
	return {
		commit: machine.commit,
		dirty: machine.uncommittedFiles > 0,
		measuredAt: machine.startedAt,
		node: machine.node,
		otherBusyPct: Number.isFinite(load.otherBusyPct) ? load.otherBusyPct : null,
		otherBusyMaxPct: Number.isFinite(load.otherBusyMaxPct) ? load.otherBusyMaxPct : null,
	}
}

log(
	`${config.mode} run: ${[...only].join(', ')}; ${machine.cpus} CPUs, loadavg ${machine.loadavgAtStart.map((value) => value.toFixed(2)).join(' ')}, Node ${machine.node}`,
)
let stack: BenchStack | null = null
try {
	log(reuseAppBuild ? 'Threatroom build (reused if its sources are unchanged)…' : 'building Threatroom (next build)…')
	const app: BuildResult = await buildApp({ reuse: reuseAppBuild, verbose })
	builds.appMs = app.buildMs
	log(app.buildMs === null ? 'Threatroom build reused' : `Threatroom built in ${(app.buildMs / 1000).toFixed(0)} s`)
	// The baseline page is built in every full run; a smoke run reuses it if its sources are unchanged.
	const bare: BuildResult = await buildBareApp({ reuse: config.mode === 'smoke', verbose })
	builds.bareMs = bare.buildMs
	log(bare.buildMs === null ? 'bare <Tldraw/> build reused' : `bare <Tldraw/> app built in ${(bare.buildMs / 1000).toFixed(0)} s`)

	stack = await startStack({ appDir: app.dir, bareAppDir: bare.dir, verbose })
	log(
		`servers up: app ${stack.appUrl}, party ${stack.partyUrl}, bare party ${stack.barePartyUrl}, relay ws://${stack.relayHost}, bare page ${stack.bareAppUrl}`,
	)
	const started = stack

	/** Runs one module; its result with the provenance it gets, or null when it failed. */
	const measure = async <T>(module: Module, work: () => Promise<T>): Promise<{ result: T; provenance: Provenance } | null> => {
		if (waitQuietMs > 0) {
			const until = performance.now() + waitQuietMs
			for (let other = await otherBusyPctOver(QUIET_PROBE_MS); other >= QUIET_OTHER_PCT; other = await otherBusyPctOver(QUIET_PROBE_MS)) {
				if (performance.now() > until) {
					log(`other processes still use ${other.toFixed(0)} % of the machine; measuring anyway`)
					break
				}
				log(`waiting for a quieter machine: other processes use ${other.toFixed(0)} %`)
			}
		}
		log(`— ${module}`)
		monitor.segment()
		const runtimeBefore = started.partyRuntimePids()
		try {
			const result = await work()
			const load = monitor.segment()
			log(`${module}: other processes used ${load.otherBusyPct.toFixed(0)} % of the machine meanwhile`)
			// The memory module restarts the party on purpose; anywhere else a new workerd means a reload.
			if (module !== 'memory' && started.partyRuntimePids() !== runtimeBefore) {
				const warning = `${module}: our party's runtime (workerd) restarted during the measurement — its rooms were reloaded; figures may include reconnections`
				log(warning)
				warnings.push(warning)
			}
			return { result, provenance: provenanceOf(load) }
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
			log(`${module} failed: ${message}`)
			errors.push({ module, message })
			return null
		}
	}
	// A module left out by --only, or failed, keeps what the last run measured.
	if (only.has('canvas')) {
		const canvas = await measure('canvas', () => measureCanvasPropagation(started, config, log))
		if (canvas) sections.canvas = canvasSection(canvas.result, config, canvas.provenance)
	}
	if (only.has('panel')) {
		const panel = await measure('panel', () => measurePanelEvents(started, config, log))
		if (panel) sections.panel = panelSection(panel.result, config, panel.provenance)
	}
	if (only.has('join')) {
		const join = await measure('join', () => measureJoin(started, config, log))
		if (join) sections.join = joinSection(join.result.loads, join.result.chromium, config, join.provenance)
	}
	if (only.has('persistence')) {
		const persistence = await measure('persistence', () => measurePersistence(started, config, log))
		if (persistence) sections.persistence = persistenceSection(persistence.result, config, persistence.provenance)
	}
	if (only.has('reports')) {
		const reports = await measure('reports', () => measureReports(started, config, log))
		if (reports) sections.reports = reportsSection(reports.result, config, reports.provenance)
	}
	if (only.has('rooms')) {
		const rooms = await measure('rooms', () => measureManyRooms(started, config, log))
		if (rooms) sections.rooms = roomsSection(rooms.result, config, machine.cpus, rooms.provenance)
	}
	if (only.has('bigModel')) {
		const bigModel = await measure('bigModel', () => measureBigModel(started, config, log))
		if (bigModel) sections.bigModel = bigModelSection(bigModel.result, config, bigModel.provenance)
	}
	// Last: it restarts the party (full runs) and soaks for minutes.
	if (only.has('memory')) {
		const memory = await measure('memory', () => measureRoomMemory(started, config, log))
		if (memory) sections.memory = memorySection(memory.result, config, memory.provenance)
	}
} catch (error) {
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
	log(`the run stopped: ${message}`)
	errors.push({ module: 'setup', message })
} finally {
	// The party's last lines (reloads, errors it logged), for diagnosing a run.
	if (stack) {
		fs.mkdirSync(resultsDir, { recursive: true })
		fs.writeFileSync(path.join(resultsDir, `party-${config.mode}.log`), stack.partyOutput())
	}
	await stopEverything()
	if (stack) {
		fs.rmSync(stack.tempDir, { recursive: true, force: true })
		fs.rmSync(stack.partyDir, { recursive: true, force: true })
	}
}

const load = monitor.stop()
const loadKnown = [load.machineBusyPct, load.benchBusyPct, load.otherBusyPct, load.otherBusyMaxPct].every(Number.isFinite)
const results: BenchResultsFile = {
	format: 'threatroom-bench-results',
	version: 1,
	mode: config.mode,
	run: {
		startedAt: machine.startedAt,
		cpus: machine.cpus,
		cpuModel: machine.cpuModel,
		memoryGiB: machine.memoryGiB,
		memoryAvailableGiB: machine.memoryAvailableGiB,
		os: machine.os,
		node: machine.node,
		versions: machine.versions,
		commit: machine.commit,
		dirty: machine.uncommittedFiles > 0,
		loadavgAtStart: machine.loadavgAtStart,
		load: loadKnown
			? {
					machineBusyPct: load.machineBusyPct,
					benchBusyPct: load.benchBusyPct,
					otherBusyPct: load.otherBusyPct,
					otherBusyMaxPct: load.otherBusyMaxPct,
					loadavgMax: load.loadavgMax,
					loadavgAtEnd: load.loadavgAtEnd,
				}
			: null,
		builds,
		durationMs: performance.now() - runStarted,
		errors,
		warnings,
	},
	sections,
}
writeResults(resultsFile, results)
const analysisFile = path.join(ROOT, 'bench', 'analysis.md')
const analysis = config.mode === 'full' && fs.existsSync(analysisFile) ? fs.readFileSync(analysisFile, 'utf8') : null
let report: string
try {
	report = renderBenchmarks(results, analysis, { resultsPath: path.relative(ROOT, resultsFile), analysisPath: analysis === null ? null : 'bench/analysis.md' })
} catch (error) {
	// E.g. the analysis names a figure this run has none of: the results are written, fix and `npm run bench:report`.
	log(`wrote ${path.relative(ROOT, resultsFile)}, but not the report: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
}
fs.mkdirSync(path.dirname(outFile), { recursive: true })
fs.writeFileSync(outFile, report)
const summary = report.slice(report.indexOf('## Summary'), report.indexOf('\n## ', report.indexOf('## Summary') + 5))
console.log(`\n${summary}`)
log(
	`wrote ${path.relative(ROOT, resultsFile)} and ${path.relative(ROOT, outFile)} in ${((performance.now() - runStarted) / 1000).toFixed(0)} s${errors.length ? `, ${errors.length} measurement(s) failed` : ''}`,
)
process.exit(errors.length ? 1 : 0)
