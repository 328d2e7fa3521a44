import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import PartySocket from 'partysocket'
import WebSocket from 'ws'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import type { BenchConfig } from '../config'
import { diagramNodeIds, diagramRecords } from '../lib/diagram'
import { inBatches, PropagationTracker, seededRandom, sleep, within } from '../lib/propagation'
import { type BenchRoom, openRoom, seedThrough } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { asBareRecord, PANEL_EVENT_KINDS, type PanelEventKind, phaseEventRecord, threatRecord, voteRecord } from '../lib/workshopRecords'
import { type Distribution, distribution } from '../stats'

// 2. Panel events: a threat added (by a participant), a vote on it (by another participant), a phase
// change (by the facilitator), in turn; timed until every other client has the record. Ours rides
// the room's object lane with its authorizers and stamps; "bare" is a TLSocketRoom whose object lane
// carries the same payloads under its own types; "relay" is a party that only rebroadcasts
// (partysocket clients, one JSON message per event, parsed by each receiver).

type PanelEngine = 'ours' | 'bare' | 'relay'

export interface PanelRun {
	engine: PanelEngine
	n: number
	rep: number
	all: Distribution
	byKind: Record<PanelEventKind, Distribution>
	events: number
	missing: number
	joinMs: number
	errors: string[]
	drops: number
}

const DIAGRAM_ELEMENTS = 10
const RELAY_OPEN_TIMEOUT_MS = 30_000

interface RelayRoom {
	sockets: PartySocket[]
	drops(): number
	close(): void
}

async function openRelay(stack: BenchStack, n: number, tracker: PropagationTracker): Promise<RelayRoom> {
	const room = `relay-${process.pid}-${Date.now()}`
	const sockets: PartySocket[] = []
	let drops = 0
	let closing = false
	await inBatches(
		Array.from({ length: n }, (_, i) => i),
		10,
		async (index) => {
			const socket = new PartySocket({ host: stack.relayHost, room, protocol: 'ws', WebSocket })
			sockets[index] = socket
			socket.addEventListener('message', (event: MessageEvent) => {
				const record = JSON.parse(String(event.data)) as TLRecord
				tracker.seen(index, record)
			})
			socket.addEventListener('close', () => {
				if (!closing) drops++
			})
			await within(
				new Promise<void>((resolve) => socket.addEventListener('open', () => resolve(), { once: true })),
				RELAY_OPEN_TIMEOUT_MS,
				`relay socket ${index}`,
			)
		},
	)
	return {
		sockets,
		drops: () => drops,
		close() {
			closing = true
			for (const socket of sockets) socket.close()
		},
	}
}

async function runPanelBatch(stack: BenchStack, engine: PanelEngine, n: number, rep: number, config: BenchConfig['panel']): Promise<PanelRun> {
	const tracker = new PropagationTracker()
	let room: BenchRoom | null = null
	let relay: RelayRoom | null = null
	const started = performance.now()
	try {
		if (engine === 'relay') relay = await openRelay(stack, n, tracker)
		else room = await openRoom(stack, engine, n, { tracker, objects: engine === 'bare' })
		const joinMs = performance.now() - started
		const count = relay ? relay.sockets.length : (room?.clients.length ?? 0)
		// Threats belong to an element: the facilitator draws a few first (ours and bare alike).
		if (room) {
			const facilitator = room.clients[0]
			if (!facilitator) throw new Error('no client')
			const elements = diagramRecords(room.engine, DIAGRAM_ELEMENTS).filter((record) => record.typeName === 'shape')
			await seedThrough(room, tracker, facilitator, elements, config.eventTimeoutMs * 3)
		}
		const shapeIds = diagramNodeIds(DIAGRAM_ELEMENTS)
		const random = seededRandom(7_000 * rep + n)
		const samples: Record<PanelEventKind | 'all', number[]> = { threat: [], vote: [], phase: [], all: [] }
		let missing = 0
		let lastThreat: { id: ThreatId; author: number } | null = null
		const total = config.warmup + config.events
		const deadline = performance.now() + total * (config.eventTimeoutMs + config.gapMs[1]) + 10_000
		const participant = (not: number) => {
			// Client 0 is the facilitator; participants are 1…count-1.
			if (count < 2) return 0
			let index = 1 + Math.floor(random() * (count - 1))
			if (index === not && count > 2) index = index === count - 1 ? 1 : index + 1
			return index
		}
		for (let event = 0; event < total && performance.now() < deadline; event++) {
			const kind = PANEL_EVENT_KINDS[event % PANEL_EVENT_KINDS.length] as PanelEventKind
			const serial = `${engine}-${rep}-${n}-${event}-${Math.floor(random() * 1e9)}`
			let sender = 0
			let record: TLRecord
			if (kind === 'threat' || !lastThreat) {
				sender = participant(-1)
				const threat = threatRecord(serial, shapeIds[event % shapeIds.length] as TLShapeId)
				lastThreat = { id: threat.id, author: sender }
				record = threat as unknown as TLRecord
			} else if (kind === 'vote') {
				sender = participant(lastThreat.author)
				const voterId = room?.userIds[sender] ?? `relay-${sender}`
				record = voteRecord(lastThreat.id, voterId, event) as unknown as TLRecord
			} else {
				sender = 0
				record = phaseEventRecord(serial, event) as unknown as TLRecord
			}
			const sent = engine === 'bare' ? asBareRecord(kind, record as never) : record
			const client = room?.clients[sender]
			const socket = relay?.sockets[sender]
			const result = await tracker.measure(
				sent.id,
				() => true,
				{ sender, receivers: count - 1, timeoutMs: config.eventTimeoutMs },
				() => {
					if (client) client.store.put([sent])
					else socket?.send(JSON.stringify(sent))
				},
			)
			if (event >= config.warmup) {
				if (result.missing > 0) missing++
				else {
					samples[kind].push(result.allMs)
					samples.all.push(result.allMs)
				}
			}
			await sleep(config.gapMs[0] + random() * (config.gapMs[1] - config.gapMs[0]))
		}
		const health = room?.health() ?? { errors: [], drops: relay?.drops() ?? 0 }
		return {
			engine,
			n,
			rep,
			all: distribution(samples.all),
			byKind: { threat: distribution(samples.threat), vote: distribution(samples.vote), phase: distribution(samples.phase) },
			events: samples.all.length + missing,
			missing,
			joinMs,
			errors: health.errors,
			drops: health.drops,
		}
	} finally {
		room?.close()
		relay?.close()
		await sleep(500)
	}
}

export async function measurePanelEvents(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<PanelRun[]> {
	const runs: PanelRun[] = []
	for (let rep = 0; rep < config.reps; rep++) {
		for (const n of config.panel.ns) {
			const engines: PanelEngine[] = rep % 2 === 0 ? ['ours', 'bare', 'relay'] : ['relay', 'bare', 'ours']
			for (const engine of engines) {
				const run = await runPanelBatch(stack, engine, n, rep, config.panel)
				runs.push(run)
				log(
					`panel ${engine} N=${n} rep ${rep + 1}: p50 ${run.all.p50.toFixed(1)} p95 ${run.all.p95.toFixed(1)} max ${run.all.max.toFixed(1)} ms` +
						` (${run.events} events, ${run.missing} missing, drops ${run.drops}, errors ${run.errors.length})`,
				)
			}
		}
	}
	return runs
}
