import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { BenchConfig } from '../config'
import { diagramNodeIds, diagramRecords, extraNode } from '../lib/diagram'
import { FACILITATOR_REQUESTS, type FacilitatorRequest, timedFacilitatorRequest } from '../lib/facilitatorRequests'
import { CPU_PROCESSES, type CpuProcess, processRssMb, startCpuWindow } from '../lib/processCpu'
import { inBatches, PropagationTracker, seededRandom, sleep } from '../lib/propagation'
import { type BenchRoom, openRoom, seedThrough } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { percentile } from '../stats'

// 8. Many rooms: levels of 1 … 100 rooms of 10 clients each, all open at once. In every room a
// random client edits every 1–2 s (a box moved or created), timed until the room's other clients
// have it; every 5 s per room the facilitator asks the app for a report or the session, while the
// rooms save their canvases to the app as they do. Rooms stay open from one level to the next; per
// level, propagation, app answers, CPU and memory per process over `seconds`.

/** Rooms opened at once while growing to the next level. */
const OPEN_CONCURRENCY = 5
/** After the rooms of a level joined, before its window: their first saves and joins settle. */
const SETTLE_MS = 2_000

export interface RoomsLevel {
	rooms: number
	clients: number
	seconds: number
	/** Per edit, ms until every other client of its room had it. */
	editMs: number[]
	missing: number
	drops: number
	errors: number
	/** Per facilitator request kind, the ms of those answered. */
	requestMs: Record<FacilitatorRequest, number[]>
	failedRequests: number
	cpuPct: Record<CpuProcess, number>
	machinePct: number
	rssMb: Record<CpuProcess, number>
}

interface LiveRoom {
	room: BenchRoom
	tracker: PropagationTracker
	serial: number
}

async function openLiveRoom(stack: BenchStack, config: BenchConfig['rooms'], serial: number): Promise<LiveRoom> {
	const tracker = new PropagationTracker()
	const room = await openRoom(stack, 'ours', config.clientsPerRoom, { tracker })
	const first = room.clients[0]
	if (!first) throw new Error('no client')
	const seed = diagramRecords('ours', config.seedElements).filter((record) => record.typeName === 'shape')
	await seedThrough(room, tracker, first, seed, config.editTimeoutMs * 3)
	return { room, tracker, serial }
}

/** One room's edits until `until`: each timed to the room's other clients. */
async function editLoop(live: LiveRoom, config: BenchConfig['rooms'], level: number, until: number, into: RoomsLevel): Promise<void> {
	const random = seededRandom(live.serial * 7_919 + level)
	const nodeIds = diagramNodeIds(config.seedElements)
	const [minGap, maxGap] = config.editGapMs
	await sleep(random() * maxGap)
	for (let edit = 0; performance.now() < until; edit++) {
		const { clients } = live.room
		const sender = clients[Math.floor(random() * clients.length)]
		if (!sender) return
		let record: TLRecord
		let test: (record: TLRecord) => boolean = () => true
		const current = sender.store.get(nodeIds[Math.floor(random() * nodeIds.length)] as TLShapeId) as TLShape | undefined
		if (edit % 2 === 0 && current) {
			const x = Math.round(current.x) + 1 + (edit % 7)
			record = { ...current, x }
			test = (received) => (received as TLShape).x === x
		} else {
			record = extraNode('ours', `rooms-${level}-${live.serial}-${edit}`, edit)
		}
		const result = await live.tracker.measure(record.id, test, { sender: sender.index, receivers: clients.length - 1, timeoutMs: config.editTimeoutMs }, () =>
			sender.store.put([record]),
		)
		if (result.missing > 0) into.missing++
		else into.editMs.push(result.allMs)
		await sleep(minGap + random() * (maxGap - minGap))
	}
}

/** One room's facilitator requests until `until`, cycling through the kinds, the first at a random offset. */
async function requestLoop(stack: BenchStack, live: LiveRoom, config: BenchConfig['rooms'], until: number, into: RoomsLevel): Promise<void> {
	const session = live.room.session
	if (!session) return
	const random = seededRandom(live.serial * 104_729)
	await sleep(random() * config.requestEveryMs)
	for (let index = live.serial; performance.now() < until; index++) {
		const kind = FACILITATOR_REQUESTS[index % FACILITATOR_REQUESTS.length] ?? 'session'
		const started = performance.now()
		const ms = await timedFacilitatorRequest(stack, session, kind)
		if (ms === null) into.failedRequests++
		else into.requestMs[kind].push(ms)
		await sleep(Math.max(0, config.requestEveryMs - (performance.now() - started)))
	}
}

export async function measureManyRooms(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<RoomsLevel[]> {
	const settings = config.rooms
	const live: LiveRoom[] = []
	const levels: RoomsLevel[] = []
	try {
		for (const level of settings.levels) {
			const toOpen = Array.from({ length: Math.max(0, level - live.length) }, (_, i) => live.length + i)
			await inBatches(toOpen, OPEN_CONCURRENCY, async (serial) => {
				live.push(await openLiveRoom(stack, settings, serial))
			})
			await sleep(SETTLE_MS)
			const healthBefore = totals(live)
			const into: RoomsLevel = {
				rooms: live.length,
				clients: live.length * settings.clientsPerRoom,
				seconds: settings.seconds,
				editMs: [],
				missing: 0,
				drops: 0,
				errors: 0,
				requestMs: { md: [], csv: [], json: [], session: [] },
				failedRequests: 0,
				cpuPct: { next: 0, workerd: 0, harness: 0 },
				machinePct: 0,
				rssMb: { next: 0, workerd: 0, harness: 0 },
			}
			const cpu = startCpuWindow(stack)
			const until = performance.now() + settings.seconds * 1000
			await Promise.all(live.flatMap((room) => [editLoop(room, settings, level, until, into), requestLoop(stack, room, settings, until, into)]))
			const window = cpu.stop()
			into.cpuPct = window.pct
			into.machinePct = window.machinePct
			into.rssMb = processRssMb(stack)
			const healthAfter = totals(live)
			into.drops = healthAfter.drops - healthBefore.drops
			into.errors = healthAfter.errors - healthBefore.errors
			levels.push(into)
			log(
				`rooms ${into.rooms} × ${settings.clientsPerRoom}: p50 ${percentile(into.editMs, 50).toFixed(0)} p95 ${percentile(into.editMs, 95).toFixed(0)} max ${Math.max(...into.editMs).toFixed(0)} ms` +
					` (${into.editMs.length} edits, ${into.missing} missing, ${into.drops} drops, ${into.errors} errors, ${into.failedRequests} failed requests);` +
					` CPU ${CPU_PROCESSES.map((name) => `${name} ${into.cpuPct[name].toFixed(0)} %`).join(', ')}, machine ${into.machinePct.toFixed(0)} %;` +
					` RSS ${CPU_PROCESSES.map((name) => `${name} ${into.rssMb[name].toFixed(0)} MB`).join(', ')}`,
			)
		}
	} finally {
		for (const room of live) room.room.close()
		await sleep(500)
	}
	return levels
}

function totals(live: readonly LiveRoom[]): { drops: number; errors: number } {
	let drops = 0
	let errors = 0
	for (const { room } of live) {
		const health = room.health()
		drops += health.drops
		errors += health.errors.length
	}
	return { drops, errors }
}
