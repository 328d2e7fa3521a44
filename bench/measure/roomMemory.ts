import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { BenchConfig } from '../config'
import { diagramNodeIds, diagramRecords } from '../lib/diagram'
import { partyMemory } from '../lib/processes'
import { PropagationTracker, seededRandom, sleep } from '../lib/propagation'
import { type BenchRoom, openRoom, seedThrough, waitForRecords } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { threatRecord } from '../lib/workshopRecords'
import { linearFit } from '../stats'

// 5. Room memory: resident memory of our party (`partykit dev`: its node CLI, its esbuild service and
// workerd, where the rooms run — the whole process tree from /proc, and workerd alone) with 1, 10,
// 50, 100 clients in a session holding a 200-element diagram,
// then a soak: the clients stay, one edit every 250 ms (box moves and threat edits — nothing is
// added, so the document does not grow) while the RSS is sampled; the slope of a least-squares fit
// (MB/min) says whether the room leaks.

interface MemoryLevel {
	clients: number
	/** One value per sample (MB, process tree). */
	treeMb: number[]
	/** workerd alone (the room runtime), per sample. */
	workerdMb: number[]
}

export interface MemoryResult {
	/** Before any room is loaded: process tree, workerd. */
	idleMb: number
	idleWorkerdMb: number
	levels: MemoryLevel[]
	soak: {
		clients: number
		seconds: number
		edits: number
		samples: { minute: number; treeMb: number; workerdMb: number }[]
		/** MB/min over the soak after its first 10 %: process tree, workerd. */
		slopeMbPerMin: number
		workerdSlopeMbPerMin: number
		/** workerd over the second half only: a leak keeps its slope, a warm-up does not. */
		workerdSecondHalfSlopeMbPerMin: number
		errors: string[]
		drops: number
	}
	processes: { command: string; rssMb: number }[]
}

const THREATS_IN_SOAK = 10

const sample = (stack: BenchStack) => partyMemory(stack.party().pid)

export async function measureRoomMemory(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<MemoryResult> {
	const settings = config.memory
	if (settings.freshParty) await stack.restartParty()
	await sleep(settings.settleMs)
	const idle = sample(stack)
	const runtime = stack.partyRuntimePids()
	const tracker = new PropagationTracker()
	let room: BenchRoom | null = null
	try {
		room = await openRoom(stack, 'ours', 1, { tracker })
		const facilitator = room.clients[0]
		if (!facilitator) throw new Error('no client')
		const diagram = diagramRecords('ours', settings.elements)
		await seedThrough(room, tracker, facilitator, diagram, 30_000)
		const levels: MemoryLevel[] = []
		for (const n of settings.ns) {
			while (room.clients.length < n) {
				const client = await room.add()
				await waitForRecords(client, [diagram.at(-1)?.id ?? ''], 30_000)
			}
			await sleep(settings.settleMs)
			const level: MemoryLevel = { clients: n, treeMb: [], workerdMb: [] }
			for (let i = 0; i < settings.samplesPerLevel; i++) {
				if (i > 0) await sleep(1_000)
				const { treeMb, workerdMb } = sample(stack)
				level.treeMb.push(treeMb)
				level.workerdMb.push(workerdMb)
			}
			levels.push(level)
			log(
				`memory with ${n} clients: process tree ${level.treeMb.map((mb) => mb.toFixed(0)).join(', ')} MB, workerd ${level.workerdMb.map((mb) => mb.toFixed(0)).join(', ')} MB`,
			)
		}

		// The soak, with soakClients connected.
		while (room.clients.length < settings.soakClients) await room.add()
		const soakers = room.clients.slice(0, settings.soakClients)
		const threats: ThreatRecord[] = []
		const nodeIds = diagramNodeIds(settings.elements)
		for (let i = 0; i < THREATS_IN_SOAK; i++) threats.push(threatRecord(`soak-${i}`, nodeIds[i % nodeIds.length] as TLShapeId))
		await seedThrough(room, tracker, facilitator, threats as unknown as TLRecord[], 30_000)
		const random = seededRandom(4242)
		const samples: MemoryResult['soak']['samples'] = []
		const started = performance.now()
		const endAt = started + settings.soakSeconds * 1_000
		let nextSampleAt = started
		let edits = 0
		// Bounded by time, and by count: one edit per soakEditEveryMs, never more than the time allows.
		const maxEdits = Math.ceil((settings.soakSeconds * 1_000) / settings.soakEditEveryMs)
		while (performance.now() < endAt && edits < maxEdits) {
			if (performance.now() >= nextSampleAt) {
				const { treeMb, workerdMb } = sample(stack)
				samples.push({ minute: (performance.now() - started) / 60_000, treeMb, workerdMb })
				nextSampleAt += settings.soakSampleEveryMs
			}
			if (edits % 5 === 4) {
				// The facilitator edits a threat (object lane, authorizer path).
				const id = threats[edits % threats.length]?.id
				const current = id ? (facilitator.store.get(id) as ThreatRecord | undefined) : undefined
				if (current) facilitator.store.put([{ ...current, title: `Threat edited ${edits}`, likelihood: (edits % 5) + 1 } as unknown as TLRecord])
			} else {
				const editor = soakers[Math.floor(random() * soakers.length)] ?? facilitator
				const id = nodeIds[Math.floor(random() * nodeIds.length)] as TLShapeId
				const current = editor.store.get(id) as TLShape | undefined
				if (current) editor.store.put([{ ...current, x: 40 + ((edits * 37) % 900), y: current.y }])
			}
			edits++
			await sleep(settings.soakEditEveryMs)
		}
		const final = sample(stack)
		samples.push({ minute: (performance.now() - started) / 60_000, treeMb: final.treeMb, workerdMb: final.workerdMb })
		const afterWarmup = samples.filter((point) => point.minute >= (settings.soakSeconds / 60) * 0.1)
		const secondHalf = samples.filter((point) => point.minute >= settings.soakSeconds / 120)
		const health = room.health()
		if (stack.partyRuntimePids() !== runtime) health.errors.push('workerd restarted during the measurement: the samples mix two runtimes')
		const soak: MemoryResult['soak'] = {
			clients: soakers.length,
			seconds: settings.soakSeconds,
			edits,
			samples,
			slopeMbPerMin: linearFit(afterWarmup.map((point) => ({ x: point.minute, y: point.treeMb }))).slope,
			workerdSlopeMbPerMin: linearFit(afterWarmup.map((point) => ({ x: point.minute, y: point.workerdMb }))).slope,
			workerdSecondHalfSlopeMbPerMin: linearFit(secondHalf.map((point) => ({ x: point.minute, y: point.workerdMb }))).slope,
			errors: health.errors,
			drops: health.drops,
		}
		log(
			`memory soak: ${soak.clients} clients, ${edits} edits in ${settings.soakSeconds} s; workerd ${samples[0]?.workerdMb.toFixed(0)} → ${final.workerdMb.toFixed(0)} MB, ` +
				`slope ${soak.workerdSlopeMbPerMin.toFixed(2)} MB/min (second half ${soak.workerdSecondHalfSlopeMbPerMin.toFixed(2)}); process tree ${samples[0]?.treeMb.toFixed(0)} → ${final.treeMb.toFixed(0)} MB, slope ${soak.slopeMbPerMin.toFixed(2)} MB/min`,
		)
		return { idleMb: idle.treeMb, idleWorkerdMb: idle.workerdMb, levels, soak, processes: final.processes.map(({ command, rssMb }) => ({ command, rssMb })) }
	} finally {
		room?.close()
		await sleep(500)
	}
}
