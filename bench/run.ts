// `npm run bench` — Threatroom's benchmarks against production builds made in this run, on
// 127.0.0.1 only. Writes BENCHMARKS.md (full) or bench/results/BENCHMARKS.smoke.md (--smoke, for CI).
// See BENCHMARKS.md's "How to run" and the modules in bench/measure/ for what each figure means.
//
//   npm run bench [-- --smoke] [--only=canvas,panel,join,memory,persistence,reports] [--reps=N]
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
import { measureCanvasPropagation } from './measure/canvasPropagation'
import { measureJoin } from './measure/join'
import { measurePanelEvents } from './measure/panelEvents'
import { measurePersistence } from './measure/persistence'
import { measureReports } from './measure/reports'
import { measureRoomMemory } from './measure/roomMemory'
import { type BenchResults, writeReport } from './report'

await requireSupportedNode('npm run bench')

const MODULES = ['canvas', 'panel', 'join', 'persistence', 'reports', 'memory'] as const
type Module = (typeof MODULES)[number]

const { values: args } = parseArgs({
	options: {
		smoke: { type: 'boolean', default: false },
		only: { type: 'string' },
		reps: { type: 'string' },
		'soak-seconds': { type: 'string' },
		out: { type: 'string' },
		'app-build': { type: 'string' },
		'report-only': { type: 'boolean', default: false },
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
	(args.only?.split(',').map((name) => name.trim()).filter(Boolean) ?? [...MODULES]).map((name) => {
		if (!(MODULES as readonly string[]).includes(name)) throw new Error(`--only: unknown measurement "${name}" (known: ${MODULES.join(', ')})`)
		return name as Module
	}),
)
const reuseAppBuild = args['app-build'] ? args['app-build'] === 'reuse' : config.mode === 'smoke'
const outFile = path.resolve(ROOT, args.out ?? (config.mode === 'full' ? 'BENCHMARKS.md' : 'bench/results/BENCHMARKS.smoke.md'))
const resultsDir = path.join(ROOT, 'bench', 'results')
const verbose = args.verbose ?? false
/** --wait-quiet=M: before each measurement, wait up to M minutes for other processes to use < 20 % of the machine. */
const waitQuietMs = (positiveInt(args['wait-quiet'], 'wait-quiet') ?? 0) * 60_000
const QUIET_OTHER_PCT = 20
const QUIET_PROBE_MS = 5_000

// Re-renders the report from the last run's raw results (e.g. after editing bench/analysis.md).
if (args['report-only']) {
	const saved = JSON.parse(fs.readFileSync(path.join(resultsDir, `${config.mode}.json`), 'utf8')) as BenchResults
	const analysis = path.join(ROOT, 'bench', 'analysis.md')
	saved.analysis = saved.config.mode === 'full' && fs.existsSync(analysis) ? fs.readFileSync(analysis, 'utf8') : null
	writeReport(saved, outFile)
	console.log(`wrote ${path.relative(ROOT, outFile)} from bench/results/${config.mode}.json`)
	process.exit(0)
}

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
const results: BenchResults = {
	config,
	machine,
	load: null,
	chromium: null,
	builds: { app: null, bare: null },
	durationMs: 0,
	canvas: null,
	panel: null,
	join: null,
	memory: null,
	persistence: null,
	reports: null,
	errors: [],
	warnings: [],
	measuredAt: {},
	moduleLoad: {},
	analysis: null,
}

// A full run with --only re-measures those modules and keeps the others from the last full run.
const previousFile = path.join(resultsDir, `${config.mode}.json`)
if (only.size < MODULES.length && fs.existsSync(previousFile)) {
	const previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as BenchResults
	for (const module of MODULES) {
		if (only.has(module)) continue
		const at = previous.measuredAt?.[module] ?? previous.machine.startedAt
		if (module === 'join') {
			results.join = previous.join
			results.chromium = previous.chromium
		} else results[module] = previous[module] as never
		if (results[module] !== null) results.measuredAt[module] = at
		const load = previous.moduleLoad?.[module]
		if (load) results.moduleLoad[module] = load
	}
	results.builds = previous.builds
}

log(`${config.mode} run: ${[...only].join(', ')}; ${machine.cpus} CPUs, loadavg ${machine.loadavgAtStart.map((value) => value.toFixed(2)).join(' ')}, Node ${machine.node}`)
let stack: BenchStack | null = null
try {
	log(reuseAppBuild ? 'Threatroom build (reused if its sources are unchanged)…' : 'building Threatroom (next build)…')
	const app: BuildResult = await buildApp({ reuse: reuseAppBuild, verbose })
	results.builds = { app: null, bare: null }
	results.builds.app = app
	log(app.buildMs === null ? 'Threatroom build reused' : `Threatroom built in ${(app.buildMs / 1000).toFixed(0)} s`)
	// The baseline page is built in every full run; a smoke run reuses it if its sources are unchanged.
	const bare: BuildResult = await buildBareApp({ reuse: config.mode === 'smoke', verbose })
	results.builds.bare = bare
	log(bare.buildMs === null ? 'bare <Tldraw/> build reused' : `bare <Tldraw/> app built in ${(bare.buildMs / 1000).toFixed(0)} s`)

	stack = await startStack({ appDir: app.dir, bareAppDir: bare.dir, verbose })
	log(`servers up: app ${stack.appUrl}, party ${stack.partyUrl}, bare party ${stack.barePartyUrl}, relay ws://${stack.relayHost}, bare page ${stack.bareAppUrl}`)
	const started = stack

	const measure = async <T>(module: Module, work: () => Promise<T>): Promise<T | null> => {
		if (!only.has(module)) return null
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
			results.measuredAt[module] = machine.startedAt
			results.moduleLoad[module] = monitor.segment()
			log(`${module}: other processes used ${results.moduleLoad[module]?.otherBusyPct.toFixed(0)} % of the machine meanwhile`)
			// The memory module restarts the party on purpose; anywhere else a new workerd means a reload.
			if (module !== 'memory' && started.partyRuntimePids() !== runtimeBefore) {
				const warning = `${module}: our party's runtime (workerd) restarted during the measurement — its rooms were reloaded; figures may include reconnections`
				log(warning)
				results.warnings.push(warning)
			}
			return result
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
			log(`${module} failed: ${message}`)
			results.errors.push({ module, message })
			return null
		}
	}
	// A module left out by --only keeps what the merge above carried over.
	if (only.has('canvas')) results.canvas = await measure('canvas', () => measureCanvasPropagation(started, config, log))
	if (only.has('panel')) results.panel = await measure('panel', () => measurePanelEvents(started, config, log))
	if (only.has('join')) {
		const join = await measure('join', () => measureJoin(started, config, log))
		results.join = join?.loads ?? null
		results.chromium = join?.chromium ?? null
	}
	if (only.has('persistence')) results.persistence = await measure('persistence', () => measurePersistence(started, config, log))
	if (only.has('reports')) results.reports = await measure('reports', () => measureReports(started, config, log))
	// Last: it restarts the party (full runs) and soaks for minutes.
	if (only.has('memory')) results.memory = await measure('memory', () => measureRoomMemory(started, config, log))
} catch (error) {
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
	log(`the run stopped: ${message}`)
	results.errors.push({ module: 'setup', message })
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

results.load = monitor.stop()
results.durationMs = performance.now() - runStarted
const analysisFile = path.join(ROOT, 'bench', 'analysis.md')
if (config.mode === 'full' && fs.existsSync(analysisFile)) results.analysis = fs.readFileSync(analysisFile, 'utf8')
fs.mkdirSync(resultsDir, { recursive: true })
fs.mkdirSync(path.dirname(outFile), { recursive: true })
// With --out the raw results go beside that file, so a scratch run leaves the last full run's JSON alone.
const resultsFile = args.out ? outFile.replace(/\.md$/, '') + '.json' : path.join(resultsDir, `${config.mode}.json`)
fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, '\t')}\n`)
const report = writeReport(results, outFile)
const summary = report.slice(report.indexOf('## Summary'), report.indexOf('\n## ', report.indexOf('## Summary') + 5))
console.log(`\n${summary}`)
log(`wrote ${path.relative(ROOT, outFile)} in ${((performance.now() - runStarted) / 1000).toFixed(0)} s${results.errors.length ? `, ${results.errors.length} measurement(s) failed` : ''}`)
process.exit(results.errors.length ? 1 : 0)
