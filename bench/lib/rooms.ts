import type { TLRecord } from '@tldraw/tlschema'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { userIdFromKey } from '@/lib/protocol/identity'
import { bareCanvasSchema, bareObjectsSchema, OBJECTS_ROOM_PREFIX } from '../bareParty/schema'
import { bareRoomUri, type BenchSession, createSession, oursRoomUri, userKeyFor } from './appApi'
import type { Engine } from './diagram'
import { inBatches, type PropagationTracker, within } from './propagation'
import type { BenchStack } from './stack'
import { type BenchSyncClient, connectSyncClient } from './syncClient'

// N headless clients in one room: Threatroom's (a session made through POST /api/sessions, client 0
// on the facilitator's link, the others on the participant link, each with their own user key) or
// the bare room's (no tokens: it has no auth).

/** Sockets opened at once while joining; all of a batch must be through before the next starts. */
const JOIN_CONCURRENCY = 10
const JOIN_BATCH_TIMEOUT_MS = 60_000

export interface BenchRoom {
	engine: Engine
	clients: BenchSyncClient[]
	session: BenchSession | null
	/** The bare room's socket URL (a browser page can join the same room); null for ours. */
	bareUri: string | null
	/** userId of each client (ours: derived from its key, as the room derives it). */
	userIds: string[]
	/** ms from the first socket to the last client's first sync. */
	joinMs: number
	/** Connects one more client (same role rules as the first ones). */
	add(): Promise<BenchSyncClient>
	close(): void
	/** Sync errors and drops seen so far, for "no error, no dropped client". */
	health(): { errors: string[]; drops: number }
}

let roomSerial = 0

export async function openRoom(
	stack: BenchStack,
	engine: Engine,
	n: number,
	{ tracker, objects = false, session }: { tracker?: PropagationTracker; objects?: boolean; session?: BenchSession } = {},
): Promise<BenchRoom> {
	const ours = engine === 'ours'
	const benchSession = ours ? (session ?? (await createSession(stack, `Bench ${++roomSerial}`))) : null
	const bareRoom = `${objects ? OBJECTS_ROOM_PREFIX : 'canvas-'}${process.pid}-${Date.now()}-${++roomSerial}`
	const clients: BenchSyncClient[] = []
	const userIds: string[] = []

	async function add(): Promise<BenchSyncClient> {
		const index = clients.length
		const uri =
			ours && benchSession
				? oursRoomUri(stack, benchSession.id, index === 0 ? benchSession.tokens.facilitator : benchSession.tokens.participant, index)
				: bareRoomUri(stack, bareRoom)
		const client = connectSyncClient({
			index,
			uri,
			schema: ours ? threatroomSchema : objects ? bareObjectsSchema : bareCanvasSchema,
			onRemoteChange: tracker?.onRemoteChange,
		})
		clients.push(client)
		userIds[index] = ours ? await userIdFromKey(userKeyFor(index)) : `bare-${index}`
		await within(client.loaded, JOIN_BATCH_TIMEOUT_MS, `${engine} client ${index} joining`)
		return client
	}

	const started = performance.now()
	const room: BenchRoom = {
		engine,
		clients,
		session: benchSession,
		bareUri: ours ? null : bareRoomUri(stack, bareRoom),
		userIds,
		joinMs: 0,
		add,
		close() {
			for (const client of clients) client.close()
		},
		health() {
			const errors = clients.flatMap((client) => {
				const error = client.syncError()
				return error ? [`client ${client.index}: ${error}`] : []
			})
			return { errors, drops: clients.reduce((sum, client) => sum + client.drops(), 0) }
		},
	}
	try {
		// The first client alone, so the room is loaded before the crowd arrives (as a facilitator opens it).
		await add()
		await inBatches(
			Array.from({ length: n - 1 }, (_, i) => i),
			JOIN_CONCURRENCY,
			async () => {
				await add()
			},
		)
	} catch (error) {
		room.close()
		throw error
	}
	room.joinMs = performance.now() - started
	return room
}

/** Puts records through one client and resolves once every other client has the last of them. */
export async function seedThrough(
	room: BenchRoom,
	tracker: PropagationTracker,
	sender: BenchSyncClient,
	records: TLRecord[],
	timeoutMs: number,
): Promise<void> {
	const last = records.at(-1)
	if (!last) return
	const result = await tracker.measure(
		last.id,
		() => true,
		{ sender: sender.index, receivers: room.clients.length - 1, timeoutMs },
		() => sender.store.put(records),
	)
	if (result.missing > 0) throw new Error(`seeding: ${result.missing} of ${room.clients.length - 1} clients never got the records`)
}

/** Polls until `client` holds every id (e.g. a client that joined after a seed). */
export async function waitForRecords(client: BenchSyncClient, ids: readonly string[], timeoutMs: number): Promise<void> {
	const deadline = performance.now() + timeoutMs
	while (!ids.every((id) => client.store.has(id as TLRecord['id']))) {
		if (performance.now() > deadline) throw new Error(`client ${client.index} lacks some of ${ids.length} records after ${timeoutMs} ms`)
		await new Promise((resolve) => setTimeout(resolve, 25))
	}
}
