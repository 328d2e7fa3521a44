import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { getTableColumns } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { type SaveCanvasBody, saveCanvasBody } from '@/lib/api/internalSchemas'
import { threats as threatsTable } from '@/lib/db/schema'
import { threatRows } from '@/lib/db/sessionRecordsRepo'
import { extractElements } from '@/lib/dfd/extractElements'
import { extractSessionRecords } from '@/lib/canvas/extractSessionRecords'
import type { BenchConfig } from '../config'
import { createSession, getInternalCanvas, putInternalCanvas } from '../lib/appApi'
import { diagramNodeIds, diagramRecords } from '../lib/diagram'
import { ROOT } from '../lib/processes'
import { PropagationTracker, sleep, within } from '../lib/propagation'
import { openRoom, seedThrough } from '../lib/rooms'
import type { BenchStack } from '../lib/stack'
import { threatRecord } from '../lib/workshopRecords'

// 6. Persistence.
// Save: the body the room sends for a session with 1,000 threats (made by the real room: seeded
// through it, then read back from the app), PUT to the app's internal canvas route — request
// parsing, validation, the workshop and DFD projections and the transaction (saveCanvas) — timed
// from the client. Beside it, in this process: saveCanvas() alone on its own database file, and a
// raw @libsql/client batch inserting the same 1,000 threat rows into the same table (no drizzle, no
// validation, no snapshot) — the floor the target compares to.
// Load: a session of 200 elements and 500 threats: the internal GET canvas, and a participant
// opening a room nobody has loaded yet (authorisation, GET canvas, the room built from the snapshot,
// the first sync), then a second participant joining the loaded room.

export interface PersistenceResult {
	save: {
		threats: number
		bodyBytes: number
		httpMs: number[]
		directMs: number[]
		rawMs: number[]
		/** Where the in-process time goes, median of reps: JSON.parse, zod body schema, workshop-record extraction. */
		parts: { jsonParseMs: number[]; bodySchemaMs: number[]; extractRecordsMs: number[] }
	}
	load: {
		elements: number
		threats: number
		snapshotBytes: number
		getCanvasMs: number[]
		coldJoinMs: number[]
		warmJoinMs: number[]
	}
}

const SEED_TIMEOUT_MS = 60_000
const SAVED_POLL_MS = 250

const savedBodies = new Map<string, Promise<SaveCanvasBody>>()

/** The body the room saves for a session of this size, seeded through the real room once per run. */
export function roomSavedBody(stack: BenchStack, elements: number, threatCount: number): Promise<SaveCanvasBody> {
	const key = `${elements}/${threatCount}`
	let body = savedBodies.get(key)
	if (!body) {
		body = seedAndReadBack(stack, elements, threatCount)
		savedBodies.set(key, body)
		body.catch(() => savedBodies.delete(key))
	}
	return body
}

/** Seeds a session through the real room and returns the body the room saved for it. */
async function seedAndReadBack(stack: BenchStack, elements: number, threatCount: number): Promise<SaveCanvasBody> {
	const tracker = new PropagationTracker()
	const room = await openRoom(stack, 'ours', 1, { tracker })
	const session = room.session
	const facilitator = room.clients[0]
	if (!session || !facilitator) throw new Error('no session')
	try {
		const nodeIds = diagramNodeIds(elements)
		await seedThrough(room, tracker, facilitator, diagramRecords('ours', elements), SEED_TIMEOUT_MS)
		const threats = Array.from({ length: threatCount }, (_, i) => threatRecord(`seed-${i}`, nodeIds[i % nodeIds.length] as TLShapeId))
		facilitator.store.put(threats as unknown as TLRecord[])
		// The room answers the push with the threats stamped (T-001…): then they are in the room.
		const stampedBy = performance.now() + SEED_TIMEOUT_MS
		while (!threats.every((threat) => (facilitator.store.get(threat.id) as { humanId?: string } | undefined)?.humanId)) {
			if (performance.now() > stampedBy) throw new Error(`the room did not stamp ${threatCount} threats within ${SEED_TIMEOUT_MS} ms`)
			await sleep(SAVED_POLL_MS)
		}
	} finally {
		// Leaving makes the room save at once.
		room.close()
	}
	const deadline = performance.now() + SEED_TIMEOUT_MS
	for (;;) {
		const { state } = await getInternalCanvas(stack, session.id)
		const records = state.snapshot ? extractSessionRecords(state.snapshot) : null
		if (state.snapshot && records?.ok && records.records.threats.length === threatCount && records.records.threats.every((threat) => threat.humanId)) {
			const snapshot = state.snapshot as unknown as Parameters<typeof extractElements>[0]
			return { snapshot: state.snapshot, clock: state.clock, humanIdCounters: state.humanIdCounters, elements: extractElements(snapshot) }
		}
		if (performance.now() > deadline) throw new Error(`the room did not save ${threatCount} threats within ${SEED_TIMEOUT_MS} ms`)
		await sleep(SAVED_POLL_MS)
	}
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now()
	const value = await work()
	return { ms: performance.now() - started, value }
}

function timedSync<T>(work: () => T): number {
	const started = performance.now()
	work()
	return performance.now() - started
}

export async function measurePersistence(stack: BenchStack, config: BenchConfig, log: (line: string) => void): Promise<PersistenceResult> {
	const settings = config.persistence
	const reps = config.reps

	// --- save -------------------------------------------------------------------------------
	const body = await roomSavedBody(stack, settings.saveElements, settings.saveThreats)
	const target = await createSession(stack, 'Bench save target')
	const payload = (clock: number) => JSON.stringify({ ...body, clock })
	// Saves are cheap to repeat: at least 3 even in a smoke run, so a median means something.
	const saveReps = Math.max(reps, 3)
	const httpMs: number[] = []
	// One untimed save first: the route's first call loads its modules.
	await putInternalCanvas(stack, target.id, payload(body.clock))
	for (let rep = 0; rep < saveReps; rep++) {
		const result = await putInternalCanvas(stack, target.id, payload(body.clock + rep + 1))
		if (!result.saved) throw new Error('the app ignored a save with a newer clock')
		httpMs.push(result.ms)
	}
	const bodyBytes = Buffer.byteLength(payload(body.clock))

	// In this process, on its own database file: the same saveCanvas the route calls.
	const directDb = path.join(stack.tempDir, 'direct.db')
	process.env.DATABASE_URL = `file:${directDb}`
	process.env.INTERNAL_SECRET ??= stack.secret
	const { resetEnvForTests } = await import('@/lib/env')
	resetEnvForTests()
	const { createSession: createSessionInProcess } = await import('@/lib/db/sessionsRepo')
	const { saveCanvas } = await import('@/lib/db/canvasRepo')
	const { closeDatabasesForTests } = await import('@/lib/db/client')
	const directMs: number[] = []
	const parts: PersistenceResult['save']['parts'] = { jsonParseMs: [], bodySchemaMs: [], extractRecordsMs: [] }
	try {
		const { id } = await createSessionInProcess({ name: 'Bench direct', description: '', framework: 'STRIDE' })
		await saveCanvas(id, body)
		for (let rep = 0; rep < saveReps; rep++) {
			const text = payload(body.clock + rep + 1)
			parts.jsonParseMs.push(timedSync(() => JSON.parse(text)))
			const parsed = JSON.parse(text) as unknown
			parts.bodySchemaMs.push(timedSync(() => saveCanvasBody.parse(parsed)))
			parts.extractRecordsMs.push(timedSync(() => extractSessionRecords(body.snapshot)))
			directMs.push((await timed(() => saveCanvas(id, { ...body, clock: body.clock + rep + 1 }))).ms)
		}
	} finally {
		closeDatabasesForTests()
	}

	// Raw: the same threat rows, one INSERT each, one batch (one transaction), no drizzle.
	const rawFile = path.join(stack.tempDir, 'raw.db')
	const raw = createClient({ url: `file:${rawFile}` })
	const rawMs: number[] = []
	try {
		await raw.execute('PRAGMA journal_mode = WAL')
		await migrate(drizzle(raw), { migrationsFolder: path.join(ROOT, 'drizzle') })
		const now = Date.now()
		await raw.execute({
			sql: 'INSERT INTO sessions (id, name, description, framework, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
			args: ['raw', 'Raw', '', 'STRIDE', 'active', now, now],
		})
		const extracted = extractSessionRecords(body.snapshot)
		if (!extracted.ok) throw new Error('the saved snapshot does not validate')
		const humanIdOf = new Map(body.elements.map((element) => [element.shapeId, element.humanId]))
		const rows = threatRows('raw', extracted.records, humanIdOf)
		const columns = Object.entries(getTableColumns(threatsTable)).filter(([key]) => rows[0] && key in rows[0])
		const sql = `INSERT INTO threats (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
		const statements = rows.map((row) => ({
			sql,
			args: columns.map(([key]) => {
				const value = (row as Record<string, unknown>)[key]
				return typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number | null)
			}),
		}))
		for (let rep = 0; rep < 1 + saveReps; rep++) {
			await raw.execute({ sql: 'DELETE FROM threats WHERE session_id = ?', args: ['raw'] })
			const { ms } = await timed(() => raw.batch(statements, 'write'))
			if (rep > 0) rawMs.push(ms)
		}
	} finally {
		raw.close()
	}
	log(
		`save ${settings.saveThreats} threats: HTTP ${httpMs.map((ms) => ms.toFixed(0)).join(', ')} ms; saveCanvas() ${directMs.map((ms) => ms.toFixed(0)).join(', ')} ms; raw batch ${rawMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
	)

	// --- load -------------------------------------------------------------------------------
	const large = await roomSavedBody(stack, settings.loadElements, settings.loadThreats)
	const snapshotBytes = Buffer.byteLength(JSON.stringify(large.snapshot))
	const getCanvasMs: number[] = []
	const coldJoinMs: number[] = []
	const warmJoinMs: number[] = []
	for (let rep = 0; rep < reps; rep++) {
		// A session nobody has opened: its room is not loaded.
		const session = await createSession(stack, `Bench load ${rep}`)
		await putInternalCanvas(stack, session.id, large)
		getCanvasMs.push((await getInternalCanvas(stack, session.id)).ms)
		const started = performance.now()
		const room = await openRoom(stack, 'ours', 1, { session })
		try {
			coldJoinMs.push(performance.now() - started)
			const warmStarted = performance.now()
			await within(room.add(), 30_000, 'second participant')
			warmJoinMs.push(performance.now() - warmStarted)
			const client = room.clients[1]
			const threatsLoaded = client?.store.allRecords().filter((record) => record.typeName === 'threat').length ?? 0
			if (threatsLoaded !== settings.loadThreats) throw new Error(`the loaded room holds ${threatsLoaded} threats, not ${settings.loadThreats}`)
		} finally {
			room.close()
		}
	}
	log(
		`load ${settings.loadElements} elements + ${settings.loadThreats} threats (${(snapshotBytes / 1024).toFixed(0)} KiB): GET canvas ${getCanvasMs.map((ms) => ms.toFixed(0)).join(', ')} ms; cold join ${coldJoinMs.map((ms) => ms.toFixed(0)).join(', ')} ms; warm join ${warmJoinMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
	)
	fs.rmSync(directDb, { force: true })
	return {
		save: { threats: settings.saveThreats, bodyBytes, httpMs, directMs, rawMs, parts },
		load: { elements: settings.loadElements, threats: settings.loadThreats, snapshotBytes, getCanvasMs, coldJoinMs, warmJoinMs },
	}
}
