import type { BenchConfig } from '../config'
import type { PropagationRun } from '../measure/canvasPropagation'
import type { JoinLoad } from '../measure/join'
import type { PanelRun } from '../measure/panelEvents'
import type { PersistenceResult } from '../measure/persistence'
import type { ReportsResult } from '../measure/reports'
import type { RoomsLevel } from '../measure/manyRooms'
import type { MemoryResult } from '../measure/roomMemory'
import { percentile } from '../stats'
import { sampled } from './figures'
import {
	type CanvasSection,
	type JoinPage,
	type JoinPageFigures,
	type JoinSection,
	type MemorySection,
	PANEL_ENGINES,
	type PanelSection,
	type PersistenceSection,
	type Provenance,
	type ReportFormat,
	type ReportsSection,
	type RoomsSection,
} from './schema'

// A run's measurements as sections of the raw results: one sample per repetition for every
// figure the report prints, so the report derives medians, ranges and ratios itself.

const finiteOr = <T>(value: number, fallback: T): number | T => (Number.isFinite(value) ? value : fallback)
const count = <T>(list: readonly T[], of: (item: T) => number) => list.reduce((sum, item) => sum + of(item), 0)

/** p50, p95 and max of a set of repetitions, one sample per repetition. */
function latencies(runs: readonly { all: { p50: number; p95: number; max: number } }[]) {
	return {
		p50: sampled(runs.map((run) => run.all.p50)),
		p95: sampled(runs.map((run) => run.all.p95)),
		max: sampled(runs.map((run) => run.all.max)),
	}
}

export function canvasSection(runs: readonly PropagationRun[], config: BenchConfig, provenance: Provenance): CanvasSection {
	const { seedElements, edits, warmup, gapMs } = config.propagation
	const rows = config.propagation.ns.flatMap((n) =>
		(['ours', 'bare'] as const).map((engine) => {
			const mine = runs.filter((run) => run.engine === engine && run.n === n)
			return {
				n,
				engine,
				...latencies(mine),
				joinMs: sampled(mine.map((run) => run.joinMs)),
				harnessCpuPct: sampled(mine.map((run) => run.harnessCpuPct)),
				harnessLoopDelayP95Ms: sampled(mine.map((run) => run.harnessLoopDelayP95Ms)),
				missing: count(mine, (run) => run.missing),
				drops: count(mine, (run) => run.drops),
				errors: count(mine, (run) => run.errors.length),
			}
		}),
	)
	return { provenance, reps: config.reps, setup: { seedElements, edits, warmup, gapMs }, rows }
}

export function panelSection(runs: readonly PanelRun[], config: BenchConfig, provenance: Provenance): PanelSection {
	const rows = config.panel.ns.flatMap((n) =>
		PANEL_ENGINES.map((engine) => {
			const mine = runs.filter((run) => run.engine === engine && run.n === n)
			return {
				n,
				engine,
				...latencies(mine),
				byKind: {
					threat: sampled(mine.map((run) => run.byKind.threat.p95)),
					vote: sampled(mine.map((run) => run.byKind.vote.p95)),
					phase: sampled(mine.map((run) => run.byKind.phase.p95)),
				},
				missing: count(mine, (run) => run.missing),
				drops: count(mine, (run) => run.drops),
				errors: count(mine, (run) => run.errors.length),
			}
		}),
	)
	return { provenance, reps: config.reps, setup: { events: config.panel.events, warmup: config.panel.warmup }, rows }
}

function joinPage(loads: readonly JoinLoad[], page: JoinPage): JoinPageFigures {
	const mine = loads.filter((load) => load.page === page)
	const submitted = mine.flatMap((load) => (load.submittedMs === null ? [] : [load.submittedMs]))
	return {
		submittedMs: submitted.length ? sampled(submitted) : null,
		drawnMs: sampled(mine.map((load) => load.drawnMs)),
		drawnToClickMs: sampled(mine.map((load) => load.clickedMs - load.drawnMs)),
		clickToSelectedMs: sampled(mine.map((load) => load.selectedMs - load.clickedMs)),
		selectedMs: sampled(mine.map((load) => load.selectedMs)),
		interactiveMs: sampled(mine.map((load) => load.drawnMs + (load.selectedMs - load.clickedMs))),
		jsFiles: sampled(mine.map((load) => load.js.count)),
		jsEncodedBytes: sampled(mine.map((load) => load.js.encoded)),
		jsDecodedBytes: sampled(mine.map((load) => load.js.decoded)),
		jsTransferBytes: sampled(mine.map((load) => load.js.transfer)),
		jsAfterDrawnEncodedBytes: sampled(mine.map((load) => load.jsAfterDrawn.encoded)),
		cssEncodedBytes: sampled(mine.map((load) => load.css.encoded)),
		cssDecodedBytes: sampled(mine.map((load) => load.css.decoded)),
		largestScripts: (mine[0]?.scripts ?? []).slice(0, 6).map((script) => ({ encodedBytes: script.encoded, decodedBytes: script.decoded })),
	}
}

export function joinSection(loads: readonly JoinLoad[], chromium: string | null, config: BenchConfig, provenance: Provenance): JoinSection {
	const pages = { ours: joinPage(loads, 'ours'), bareSync: joinPage(loads, 'bareSync'), bareLocal: joinPage(loads, 'bareLocal') }
	return { provenance, reps: config.reps, setup: { elements: config.join.elements, warmupLoads: config.join.warmupLoads }, chromium, pages }
}

export function memorySection(memory: MemoryResult, config: BenchConfig, provenance: Provenance): MemorySection {
	const { elements, samplesPerLevel, settleMs, freshParty, soakEditEveryMs, soakSampleEveryMs } = config.memory
	const { soak } = memory
	return {
		provenance,
		setup: { elements, samplesPerLevel, settleMs, freshParty, soakEditEveryMs, soakSampleEveryMs },
		idleWorkerdMb: memory.idleWorkerdMb,
		idleTreeMb: memory.idleMb,
		levels: memory.levels.map((level) => ({ clients: level.clients, workerdMb: sampled(level.workerdMb), treeMb: sampled(level.treeMb) })),
		soak: {
			clients: soak.clients,
			seconds: soak.seconds,
			edits: soak.edits,
			samples: soak.samples.map((point) => ({ minute: point.minute, workerdMb: point.workerdMb, treeMb: finiteOr(point.treeMb, null) })),
			treeSlopeMbPerMin: soak.slopeMbPerMin,
			workerdSlopeMbPerMin: soak.workerdSlopeMbPerMin,
			workerdSecondHalfSlopeMbPerMin: soak.workerdSecondHalfSlopeMbPerMin,
			errors: soak.errors.length,
			drops: soak.drops,
		},
		processesAtEnd: memory.processes,
	}
}

export function persistenceSection(result: PersistenceResult, config: BenchConfig, provenance: Provenance): PersistenceSection {
	const { save, load } = result
	return {
		provenance,
		reps: config.reps,
		save: {
			threats: save.threats,
			elements: config.persistence.saveElements,
			bodyBytes: save.bodyBytes,
			httpMs: sampled(save.httpMs),
			directMs: sampled(save.directMs),
			extractRecordsMs: sampled(save.parts.extractRecordsMs),
			jsonParseMs: sampled(save.parts.jsonParseMs),
			bodySchemaMs: sampled(save.parts.bodySchemaMs),
			rawMs: sampled(save.rawMs),
		},
		load: {
			elements: load.elements,
			threats: load.threats,
			snapshotBytes: load.snapshotBytes,
			getCanvasMs: sampled(load.getCanvasMs),
			coldJoinMs: sampled(load.coldJoinMs),
			warmJoinMs: sampled(load.warmJoinMs),
		},
	}
}

export function reportsSection(result: ReportsResult, config: BenchConfig, provenance: Provenance): ReportsSection {
	const entry = (format: ReportFormat) => {
		const routeMs = result.route.ms[format]
		const routeBytes = result.route.bytes[format]
		return {
			totalMs: sampled(result.totalMs[format]),
			formatMs: sampled(result.formatMs[format]),
			outputBytes: result.outputBytes[format],
			route: routeMs && routeBytes !== undefined ? { ms: sampled(routeMs), bytes: routeBytes } : null,
		}
	}
	const formats = { markdown: entry('markdown'), csv: entry('csv'), json: entry('json'), threatDragon: entry('threatDragon') }
	return { provenance, reps: config.reps, threats: result.threats, modelMs: sampled(result.modelMs), formats, routeNote: result.route.note }
}

export function roomsSection(levels: readonly RoomsLevel[], config: BenchConfig, cpus: number, provenance: Provenance): RoomsSection {
	const { clientsPerRoom, seconds, editGapMs, requestEveryMs } = config.rooms
	const at = (samples: readonly number[], p: number) => finiteOr(percentile(samples, p), null)
	return {
		provenance,
		setup: { clientsPerRoom, seconds, editGapMs, requestEveryMs, cpus },
		levels: levels.map((level) => ({
			rooms: level.rooms,
			clients: level.clients,
			edits: level.editMs.length + level.missing,
			p50: at(level.editMs, 50),
			p95: at(level.editMs, 95),
			p99: at(level.editMs, 99),
			max: at(level.editMs, 100),
			missing: level.missing,
			drops: level.drops,
			errors: level.errors,
			requests: Object.values(level.requestMs).reduce((sum, list) => sum + list.length, 0) + level.failedRequests,
			failedRequests: level.failedRequests,
			requestP95Ms: {
				md: at(level.requestMs.md, 95),
				csv: at(level.requestMs.csv, 95),
				json: at(level.requestMs.json, 95),
				session: at(level.requestMs.session, 95),
			},
			cpuPct: level.cpuPct,
			machinePct: level.machinePct,
			rssMb: level.rssMb,
		})),
	}
}
