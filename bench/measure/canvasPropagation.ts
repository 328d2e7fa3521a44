import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { BenchConfig } from '../config'
import { startHarnessLoad } from '../lib/harnessLoad'
import { diagramNodeIds, diagramRecords, type Engine, extraNode } from '../lib/diagram'
import { PropagationTracker, seededRandom, sleep } from '../lib/propagation'
import { openRoom, seedThrough } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { type Distribution, distribution } from '../stats'

// 1. Canvas edit propagation: N clients in one room; one of them (a different one each time) moves
// a box or creates one; timed from its store.put until the last other client's store has it — the
// moment the change would reach the screen (tldraw flushes store listeners on the next frame).
// Same clients, same edits, same throttles (30 fps 'full' presence mode) on both engines.

export interface PropagationRun {
	engine: Engine
	n: number
	rep: number
	/** Per edit: ms until every other client had it (p50, p95, max over the edits). */
	all: Distribution
	/** Per delivery: ms until one receiver had it. */
	perReceiver: Distribution
	edits: number
	/** Edits that did not reach every client within the bound. */
	missing: number
	joinMs: number
	errors: string[]
	drops: number
	/** The bench process over the timed edits: CPU in % of one core, event-loop delay p95 in ms. */
	harnessCpuPct: number
	harnessLoopDelayP95Ms: number
}

async function runEditBatch(stack: BenchStack, engine: Engine, n: number, rep: number, config: BenchConfig['propagation']): Promise<PropagationRun> {
	const tracker = new PropagationTracker()
	const room = await openRoom(stack, engine, n, { tracker })
	try {
		const seed = diagramRecords(engine, config.seedElements).filter((record) => record.typeName === 'shape')
		const first = room.clients[0]
		if (!first) throw new Error('no client')
		await seedThrough(room, tracker, first, seed, config.editTimeoutMs * 3)
		const nodeIds = diagramNodeIds(config.seedElements)
		const random = seededRandom(1_000 * rep + n)
		const all: number[] = []
		const perReceiver: number[] = []
		let missing = 0
		const total = config.warmup + config.edits
		// Bounded twice: by the count, and by time in case every edit ran into its timeout.
		const deadline = performance.now() + total * (config.editTimeoutMs + config.gapMs[1]) + 10_000
		const harness = startHarnessLoad()
		for (let edit = 0; edit < total && performance.now() < deadline; edit++) {
			const sender = room.clients[Math.floor(random() * room.clients.length)] ?? first
			let record: TLRecord
			let test: (record: TLRecord) => boolean
			if (edit % 2 === 0) {
				const id = nodeIds[Math.floor(random() * nodeIds.length)] as TLShapeId
				const current = sender.store.get(id) as TLShape | undefined
				if (!current) throw new Error(`client ${sender.index} lacks ${id}`)
				const x = Math.round(current.x) + 1 + (edit % 7)
				record = { ...current, x }
				test = (received) => (received as TLShape).x === x
			} else {
				record = extraNode(engine, `${rep}-${n}-${edit}`, edit)
				test = () => true
			}
			const result = await tracker.measure(record.id, test, { sender: sender.index, receivers: room.clients.length - 1, timeoutMs: config.editTimeoutMs }, () =>
				sender.store.put([record]),
			)
			if (edit >= config.warmup) {
				perReceiver.push(...result.perReceiverMs)
				if (result.missing > 0) missing++
				else all.push(result.allMs)
			}
			await sleep(config.gapMs[0] + random() * (config.gapMs[1] - config.gapMs[0]))
		}
		const load = harness.stop()
		const health = room.health()
		return {
			engine,
			n,
			rep,
			all: distribution(all),
			perReceiver: distribution(perReceiver),
			edits: all.length + missing,
			missing,
			joinMs: room.joinMs,
			errors: health.errors,
			drops: health.drops,
			harnessCpuPct: load.cpuPct,
			harnessLoopDelayP95Ms: load.loopDelayP95Ms,
		}
	} finally {
		room.close()
		// Let the rooms see the sockets close before the next batch starts.
		await sleep(500)
	}
}

export async function measureCanvasPropagation(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<PropagationRun[]> {
	const runs: PropagationRun[] = []
	for (let rep = 0; rep < config.reps; rep++) {
		for (const n of config.propagation.ns) {
			// Alternate which engine goes first, so drift in the machine's load does not favour one.
			const engines: Engine[] = rep % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours']
			for (const engine of engines) {
				const run = await runEditBatch(stack, engine, n, rep, config.propagation)
				runs.push(run)
				log(
					`canvas ${engine} N=${n} rep ${rep + 1}: p50 ${run.all.p50.toFixed(1)} p95 ${run.all.p95.toFixed(1)} max ${run.all.max.toFixed(1)} ms` +
						` (${run.edits} edits, ${run.missing} missing, join ${(run.joinMs / 1000).toFixed(1)} s, drops ${run.drops}, errors ${run.errors.length}, harness CPU ${run.harnessCpuPct.toFixed(0)} %, loop delay p95 ${run.harnessLoopDelayP95Ms.toFixed(1)} ms)`,
				)
			}
		}
	}
	return runs
}
