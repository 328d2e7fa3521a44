// `npm run soak [-- --minutes=10] [--clients=50] [--verbose]` — a long run, not part of `npm test`:
// N headless clients in one session edit for M minutes (box moves by everyone, threat edits by the
// facilitator, re-votes by participants), one edit at a time from a random client, each timed until
// every other client has it. Passes when, in the last minute against the first, the room's memory
// (workerd's RSS: the party's CLI around it hands memory back after start-up, which would hide a
// leak) and the propagation p95 grew by at most 10 %, and no client dropped. Prints a table per minute;
// exits 1 when a criterion fails. Reuses the bench's stack, clients and statistics (bench/lib).
// Writes its raw results: bench/results/soak.json (committed; docs/security.md's soak figures come
// from it through `npm run docs:security`) for the documented run, 50 clients for 10 minutes, and
// bench/results/soak-<clients>x<minutes>.json (ignored) for any other.

import './lib/shims'
import { requireSupportedNode } from '../scripts/lib/nodeVersion.mjs'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { type VoteRecord, voteIdFor } from '@/lib/session/records/voteRecord'
import { buildApp } from './lib/build'
import { machineInfo, startLoadMonitor } from './lib/machine'
import { diagramNodeIds, diagramRecords } from './lib/diagram'
import { partyMemory, stopAllProcesses } from './lib/processes'
import { PropagationTracker, seededRandom, sleep } from './lib/propagation'
import { openRoom, seedThrough } from './lib/rooms'
import { type BenchStack, startStack } from './lib/stack'
import type { BenchSyncClient } from './lib/syncClient'
import { threatRecord, voteRecord } from './lib/workshopRecords'
import { parseWriteAheadReports } from './report/soakRender'
import { type SoakResults, soakResultsSchema } from './report/soakSchema'
import { distribution, median } from './stats'

await requireSupportedNode('npm run soak')

const { values: args } = parseArgs({
	options: {
		minutes: { type: 'string', default: '10' },
		clients: { type: 'string', default: '50' },
		verbose: { type: 'boolean', default: false },
	},
	strict: true,
})

const MINUTES = positive(args.minutes, 'minutes')
const CLIENTS = positive(args.clients, 'clients')
/** The run docs/security.md describes; any other writes a scratch file beside it. */
const DOCUMENTED = MINUTES === 10 && CLIENTS === 50
const RESULTS_FILE = path.join(import.meta.dirname, 'results', DOCUMENTED ? 'soak.json' : `soak-${CLIENTS}x${MINUTES}.json`)
const ELEMENTS = 60
const THREATS = 10
/** Pause after each timed edit: the room is never idle, and each edit is timed on its own. */
const GAP_MS = 150
const EDIT_TIMEOUT_MS = 10_000
const SAMPLE_EVERY_MS = 5_000
/** "Within 10 % of the first minute". */
const MAX_GROWTH = 1.1

function positive(value: string | undefined, name: string): number {
	const parsed = Number(value)
	if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`)
	return parsed
}

interface Minute {
	propagationMs: number[]
	missing: number
	/** The party's workerd, where the room runs: what the memory criterion reads. */
	workerdMb: number[]
	/** The whole party process tree, for the record: partykit's CLI hands memory back after start-up. */
	treeMb: number[]
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal colour and cursor codes of partykit dev are what this strips
const TERMINAL_CODES = /\x1b\[[0-9;?]*[A-Za-z]/g

const machine = machineInfo()
const monitor = startLoadMonitor()
const started = performance.now()
const log = (line: string) => console.log(`[soak ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)
let stopping: Promise<void> | null = null
const stopEverything = () => (stopping ??= stopAllProcesses())
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopEverything().finally(() => process.exit(130)))

async function soak(stack: BenchStack): Promise<boolean> {
	const tracker = new PropagationTracker()
	log(`${CLIENTS} clients joining…`)
	const room = await openRoom(stack, 'ours', CLIENTS, { tracker })
	try {
		const facilitator = room.clients[0]
		if (!facilitator) throw new Error('no client')
		const nodeIds = diagramNodeIds(ELEMENTS)
		const threats = Array.from({ length: THREATS }, (_, i) => threatRecord(`soak-${i}`, nodeIds[i % nodeIds.length] as TLShapeId))
		await seedThrough(room, tracker, facilitator, diagramRecords('ours', ELEMENTS), 60_000)
		await seedThrough(room, tracker, facilitator, threats as unknown as TLRecord[], 60_000)
		log(`joined in ${(room.joinMs / 1000).toFixed(1)} s; ${ELEMENTS} elements and ${THREATS} threats seeded; editing for ${MINUTES} min`)

		const minutes: Minute[] = Array.from({ length: Math.ceil(MINUTES) }, () => ({ propagationMs: [], missing: 0, workerdMb: [], treeMb: [] }))
		const random = seededRandom(20_240)
		const soakStart = performance.now()
		const endAt = soakStart + MINUTES * 60_000
		const minuteOf = () => Math.min(minutes.length - 1, Math.floor((performance.now() - soakStart) / 60_000))
		const sampleInto = (minute: Minute | undefined) => {
			const { workerdMb, treeMb } = partyMemory(stack.party().pid)
			minute?.workerdMb.push(workerdMb)
			minute?.treeMb.push(treeMb)
		}
		const sampler = setInterval(() => sampleInto(minutes[minuteOf()]), SAMPLE_EVERY_MS)
		sampleInto(minutes[0])
		let edits = 0
		try {
			while (performance.now() < endAt) {
				const sender: BenchSyncClient = room.clients[Math.floor(random() * room.clients.length)] ?? facilitator
				let record: TLRecord
				let test: (received: TLRecord) => boolean
				if (edits % 10 === 3) {
					// The facilitator edits a threat (object lane, the authorizers' update path).
					const current = facilitator.store.get(threats[edits % THREATS]?.id ?? ('' as ThreatRecord['id'])) as ThreatRecord
					const title = `Edited in the soak ${edits}`
					record = { ...current, title, likelihood: (edits % 5) + 1 } as unknown as TLRecord
					test = (received) => (received as unknown as ThreatRecord).title === title
					await measure(tracker, facilitator.index, record, test)
				} else if (edits % 10 === 7 && sender !== facilitator) {
					// A participant votes again on a threat (one record per person: it never grows).
					const threat = threats[Math.floor(random() * THREATS)]
					if (!threat) continue
					const voterId = room.userIds[sender.index] ?? ''
					const existing = sender.store.get(voteIdFor(threat.id, voterId)) as VoteRecord | undefined
					// A re-vote must change something, or there is nothing to send and nothing to time.
					record = (existing ? { ...existing, impact: (existing.impact % 5) + 1 } : voteRecord(threat.id, voterId, edits)) as unknown as TLRecord
					const expected = (record as unknown as VoteRecord).impact
					test = (received) => (received as unknown as VoteRecord).impact === expected
					await measure(tracker, sender.index, record, test)
				} else {
					const id = nodeIds[Math.floor(random() * nodeIds.length)] as TLShapeId
					const current = sender.store.get(id) as TLShape
					const x = 40 + ((edits * 37) % 900)
					record = { ...current, x: current.x === x ? x + 1 : x }
					const expected = (record as TLShape).x
					test = (received) => (received as TLShape).x === expected
					await measure(tracker, sender.index, record, test)
				}
				edits++
				await sleep(GAP_MS)
			}
		} finally {
			clearInterval(sampler)
		}
		sampleInto(minutes.at(-1))

		async function measure(tracker: PropagationTracker, sender: number, record: TLRecord, test: (received: TLRecord) => boolean) {
			const client = room.clients[sender]
			if (!client) return
			const minute = minutes[minuteOf()]
			const result = await tracker.measure(record.id, test, { sender, receivers: room.clients.length - 1, timeoutMs: EDIT_TIMEOUT_MS }, () =>
				client.store.put([record]),
			)
			if (!minute) return
			if (result.missing > 0) minute.missing++
			else minute.propagationMs.push(result.allMs)
		}

		const health = room.health()
		const loaded = room.clients.filter((client) => client.isLoaded()).length
		writeResults(minutes, edits, health, loaded, stack.partyOutput())
		return report(minutes, edits, health, loaded, stack.partyOutput())
	} finally {
		room.close()
		await sleep(500)
	}
}

function writeResults(minutes: Minute[], edits: number, health: { errors: string[]; drops: number }, loaded: number, partyOutput: string): void {
	const load = monitor.segment()
	const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)
	const results: SoakResults = {
		format: 'threatroom-soak-results',
		version: 1,
		provenance: {
			commit: machine.commit,
			dirty: machine.uncommittedFiles > 0,
			measuredAt: machine.startedAt,
			node: machine.node,
			otherBusyPct: finiteOrNull(load.otherBusyPct),
			otherBusyMaxPct: finiteOrNull(load.otherBusyMaxPct),
		},
		clients: CLIENTS,
		minutes: MINUTES,
		edits,
		missing: minutes.reduce((sum, minute) => sum + minute.missing, 0),
		connectedAtEnd: loaded,
		drops: health.drops,
		syncErrors: health.errors.length,
		perMinute: minutes.map((minute, index) => {
			const spread = distribution(minute.propagationMs)
			return {
				minute: index + 1,
				edits: minute.propagationMs.length + minute.missing,
				missing: minute.missing,
				p50Ms: finiteOrNull(spread.p50),
				p95Ms: finiteOrNull(spread.p95),
				maxMs: finiteOrNull(spread.max),
				workerdMb: finiteOrNull(median(minute.workerdMb)),
				treeMb: finiteOrNull(median(minute.treeMb)),
			}
		}),
		writeAhead: parseWriteAheadReports(partyOutput),
	}
	fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true })
	fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(soakResultsSchema.parse(results), null, '\t')}\n`)
	log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}${DOCUMENTED ? ': `npm run docs:security` puts its figures into docs/security.md' : ''}`)
}

function report(minutes: Minute[], edits: number, health: { errors: string[]; drops: number }, loaded: number, partyOutput: string): boolean {
	const rows = minutes.map((minute, index) => {
		const spread = distribution(minute.propagationMs)
		return {
			minute: index + 1,
			edits: minute.propagationMs.length + minute.missing,
			missing: minute.missing,
			p50: spread.p50,
			p95: spread.p95,
			max: spread.max,
			workerd: median(minute.workerdMb),
			tree: median(minute.treeMb),
		}
	})
	const header = '| minute | edits | missing | p50 ms | p95 ms | max ms | workerd RSS MB (median) | party tree RSS MB (median) |'
	console.log(`\n${header}\n|${'---|'.repeat(8)}`)
	for (const row of rows) {
		console.log(
			`| ${row.minute} | ${row.edits} | ${row.missing} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.max.toFixed(1)} | ${row.workerd.toFixed(0)} | ${row.tree.toFixed(0)} |`,
		)
	}
	const first = rows[0]
	const last = rows.at(-1)
	if (!first || !last) return false
	const checks = [
		{ what: 'room memory (workerd), last minute vs first', ratio: last.workerd / first.workerd, ok: last.workerd <= first.workerd * MAX_GROWTH },
		{ what: 'propagation p95, last minute vs first', ratio: last.p95 / first.p95, ok: last.p95 <= first.p95 * MAX_GROWTH },
	]
	console.log('')
	for (const check of checks) console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.what}: ×${check.ratio.toFixed(3)} (limit ×${MAX_GROWTH})`)
	const dropped = health.drops > 0 || health.errors.length > 0 || loaded < CLIENTS
	console.log(`${dropped ? 'FAIL' : 'PASS'}  clients: ${loaded}/${CLIENTS} connected at the end, ${health.drops} drops, ${health.errors.length} sync errors`)
	const missing = rows.reduce((sum, row) => sum + row.missing, 0)
	console.log(
		`${missing > 0 ? 'FAIL' : 'PASS'}  every edit reached all ${CLIENTS - 1} other clients (${edits} edits, ${missing} did not within ${EDIT_TIMEOUT_MS / 1000} s)`,
	)
	// The room logs its write-ahead latency once a minute (party/durability.ts).
	const writeAhead = partyOutput.split('\n').filter((line) => line.includes('write-ahead:'))
	if (writeAhead.length > 0)
		console.log(`\nthe room's write-ahead log lines:\n${writeAhead.map((line) => `  ${line.replace(TERMINAL_CODES, '').trim()}`).join('\n')}`)
	return checks.every((check) => check.ok) && !dropped && missing === 0
}

let ok = false
let tempDir: string | null = null
try {
	log('Threatroom build (reused if its sources are unchanged)…')
	const app = await buildApp({ reuse: true, verbose: args.verbose ?? false })
	const stack = await startStack({ appDir: app.dir, verbose: args.verbose ?? false, baselines: false })
	tempDir = stack.tempDir
	log(`app ${stack.appUrl}, party ${stack.partyUrl}`)
	ok = await soak(stack)
} catch (error) {
	console.error('[soak] failed:', error instanceof Error ? (error.stack ?? error.message) : error)
} finally {
	monitor.stop()
	await stopEverything()
	if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
}
process.exit(ok ? 0 : 1)
