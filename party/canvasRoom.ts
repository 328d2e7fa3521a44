import { TLSocketRoom } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Party from 'partykit/server'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { extractElements } from '@/lib/dfd/extractElements'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { allocatorFor, type HumanIdAllocator } from '@/lib/dfd/humanIds'
import type { ClockMessage, Person, PeopleMessage, ProjectMessage } from '@/lib/protocol/customMessages'
import { canEditCanvas } from '@/lib/roles'
import { attendanceAfterJoin } from '@/lib/session/attendance'
import { type AttendanceRecord, attendanceIdFor } from '@/lib/session/records/attendanceRecord'
import { SESSION_EVENT_TYPE, type SessionEventRecord } from '@/lib/session/records/sessionEventRecord'
import { CLOCK_EVERY_MS } from '@/lib/session/serverClock'
import { SessionLifecycle } from '@/lib/session/sessionLifecycle'
import { SESSION_OBJECT_TYPES } from '@/lib/session/sessionRecords'
import type { AppApi } from './appApi'
import type { ClientMessage } from './clientMessages'
import { RoomDurability } from './durability'
import { InboundMessages } from './inboundMessages'
import { PeopleRegistry } from './people'
import { withOwnPresenceIdentity } from './presenceIdentity'
import { SaveScheduler } from './persistence'
import { readOnlyRejections } from './readOnlyWrites'
import { RejectionReporter } from './rejectionReporter'
import { roomAuthorizers, strictlyIncreasingClock } from './roomAuthorizers'
import { RoomHistory } from './roomHistory'
import type { RoomWal } from './roomWal'
import type { StartingState } from './startingState'
import { ThrottledBroadcast } from './throttledBroadcast'

export type SessionMeta = Person

/**
 * One session's room: tldraw's sync room over the loaded snapshot (the canvas in the document lane,
 * the workshop records in the object lane), the role rules and human-ID stamping, the people list
 * and the debounced saves to the app; every change written ahead to the room's own storage before
 * anyone hears of it (durability.ts).
 */
export class CanvasRoom {
	private readonly room: TLSocketRoom<TLRecord, SessionMeta>
	private readonly allocator: HumanIdAllocator
	/** Whether the session has ended: the authorizers refuse every write but a reopen while it has. */
	private readonly lifecycle = new SessionLifecycle()
	private readonly saver: SaveScheduler
	private readonly durability: RoomDurability
	private readonly people = new PeopleRegistry()
	/** The people list to everyone on joins and leaves, at most every 250 ms (throttledBroadcast.ts says why). */
	private readonly peopleBroadcast = new ThrottledBroadcast(() => this.broadcastPeople())
	/** Who changed what (lib/history): written by the room after each push it committed. */
	private readonly history: RoomHistory
	/** Every frame's way in: the rate limit, then the message gate, then tldraw (inboundMessages.ts). */
	private readonly inbound = new InboundMessages({
		handle: (conn, text, message) => this.handle(conn, text, message),
		sendCustom: (sessionId, message) => this.room.sendCustomMessage(sessionId, message),
		isConnected: (sessionId) => this.open.has(sessionId) && !this.people.isAwaitingHandshake(sessionId),
		close: (sessionId, reason) => this.disconnect(sessionId, reason),
		warn: (message) => console.warn(`[party ${this.sessionId}] ${message}`),
	})
	private readonly rejections = new RejectionReporter((sessionId, message) => this.room.sendCustomMessage(sessionId, message))
	/** Sockets handed to tldraw and not closed since: events of any other socket are not its business. */
	private readonly open = new Set<string>()
	/** Tells everyone the room's time while anyone is here (lib/session/serverClock.ts says why). */
	private clockTimer: ReturnType<typeof setInterval> | null = null
	private project: ProjectMessage | null = null

	constructor(
		private readonly sessionId: string,
		start: StartingState,
		private readonly api: AppApi,
		wal: RoomWal,
		{ framework, persistDebounceMs }: { framework: FrameworkId; persistDebounceMs?: number },
	) {
		this.saver = new SaveScheduler(
			() => this.save(),
			(error, failures, retryInMs) => {
				const message = error instanceof Error ? error.message : String(error)
				console.error(`[party ${sessionId}] save failed (${failures}x), retrying in ${retryInMs} ms: ${message}`)
			},
			{ debounceMs: persistDebounceMs },
		)
		// The storage must know the object lane too: it routes the saved records into it on load.
		this.durability = new RoomDurability({
			sessionId,
			start,
			wal,
			objectTypes: SESSION_OBJECT_TYPES,
			onChange: () => this.saver.changed(),
			humanIdCounters: () => this.allocator.toJSON(),
		})
		// One clock for the authorizers' stamps and the history, so their times agree and never repeat.
		const now = strictlyIncreasingClock()
		this.history = new RoomHistory({
			getRecord: (id) => this.room.getRecord(id),
			now,
			write: (entries) =>
				this.durability.storage.transaction((txn) => {
					for (const entry of entries) txn.set(entry.id, entry)
				}),
			warn: (message) => console.warn(`[party ${sessionId}] ${message}`),
		})
		this.room = new TLSocketRoom<TLRecord, SessionMeta>({
			schema: threatroomSchema,
			storage: this.durability.storage,
			objectTypes: SESSION_OBJECT_TYPES,
			authorizeRecord: this.history.observing(
				roomAuthorizers({
					allocator: () => this.allocator,
					lifecycle: this.lifecycle,
					framework,
					now,
					report: (sessionId, rejection) => this.rejections.report(sessionId, rejection),
				}),
			),
			// Only read-only sessions pay for a second parse: their writes are refused before any authorizer.
			onAfterReceiveMessage: ({ sessionId: from, stringified, meta }) => {
				if (canEditCanvas(meta.role)) return
				const exists = (id: string) => this.room.getRecord(id) !== undefined
				for (const rejection of readOnlyRejections(stringified, exists)) this.rejections.report(from, rejection)
			},
			onSessionRemoved: (_room, { sessionId: removed, numSessionsRemaining }) => {
				this.forget(removed)
				if (numSessionsRemaining === 0) {
					this.saver.flush()
					this.durability.report()
				}
			},
			log: {
				warn: (...args) => console.warn(`[party ${sessionId}]`, ...args),
				error: (...args) => console.error(`[party ${sessionId}]`, ...args),
			},
		})
		// From the stored records of both lanes after the room migrated them, and the saved counters,
		// so an ID whose element, threat or scope item was deleted is not handed out again.
		const loaded = [...this.room.getCurrentSnapshot().documents, ...this.room.getCurrentObjectsSnapshot()].map((document) => document.state as TLRecord)
		this.allocator = allocatorFor(loaded, start.humanIdCounters)
		this.history.load(loaded)
		// Likewise from the migrated records: ended sessions load read-only.
		this.lifecycle.load(this.sessionEvents())
		// What the schema migration changed on load, written ahead like any change.
		this.durability.flushChanges()
		// Restored from the write-ahead copy: bring the app (the system of record) up to date now.
		if (start.source === 'wal') {
			this.saver.changed()
			this.saver.flush()
		}
	}

	/** The session's ends and reopens as the room holds them (object lane, migrated). */
	private sessionEvents(): SessionEventRecord[] {
		return this.room
			.getCurrentObjectsSnapshot()
			.map((document) => document.state as TLRecord)
			.filter((record): record is SessionEventRecord => record.typeName === SESSION_EVENT_TYPE)
	}

	connect(conn: Party.Connection, person: Person): void {
		this.room.handleSocketConnect({
			sessionId: conn.id,
			socket: this.durability.socketFor(conn),
			isReadonly: !canEditCanvas(person.role),
			objectAccess: canEditCanvas(person.role) ? 'write' : 'read',
			meta: person,
		})
		this.open.add(conn.id)
		this.people.joined(conn.id, person)
	}

	message(conn: Party.Connection, message: string | ArrayBuffer | ArrayBufferView): void {
		if (!this.open.has(conn.id)) return
		this.inbound.receive(conn, message)
	}

	/** A whole message that passed the rate limit and the gate; a presence claiming another identity gets its own. */
	private handle(conn: Party.Connection, text: string, message: ClientMessage): void {
		const person = this.people.personOf(conn.id)
		const ownPresence = person && withOwnPresenceIdentity(message, person)
		this.room.handleSocketMessage(conn.id, ownPresence ? JSON.stringify(ownPresence) : text)
		// tldraw handles a push synchronously, all or nothing: the store now says whether a session
		// event the authorizers let through was committed or rolled back with the rest of its push.
		this.lifecycle.settle(() => this.sessionEvents())
		// Likewise for the history: the writes the store now holds become entries, in the same
		// write-ahead batch as the push (durability.ts), so no answer reveals one before it is durable.
		this.history.settle()
		// The handshake ('connect') is handled synchronously: once it is through, the new session
		// can receive messages, learns the room's time and joins the people list.
		if (this.people.isAwaitingHandshake(conn.id) && this.isConnected(conn.id) && this.people.connected(conn.id)) {
			this.room.sendCustomMessage(conn.id, clockNow({ handshake: true }))
			this.clockTimer ??= setInterval(() => this.broadcastClock(), CLOCK_EVERY_MS)
			this.peopleBroadcast.request()
			if (this.project) this.room.sendCustomMessage(conn.id, this.project)
			if (person) this.recordAttendance(person)
		}
	}

	/**
	 * The session's new project IDs (PATCH /api/sessions/:id) to every open socket, and to each that
	 * joins later: its page may have been served before the change. How many were told now.
	 */
	announceProject(message: ProjectMessage): number {
		this.project = message
		const sessionIds = this.people.connectedSessionIds()
		for (const sessionId of sessionIds) this.room.sendCustomMessage(sessionId, message)
		return sessionIds.length
	}

	/**
	 * The guest book the reports list participants from: observers write nothing, so only the room
	 * knows they came. An ended session is read-only, its attendance included: reading its report
	 * later is not taking part.
	 */
	private recordAttendance(person: Person): void {
		if (this.lifecycle.isEnded) return
		this.durability.storage.transaction((txn) => {
			const existing = txn.get(attendanceIdFor(person.userId)) as AttendanceRecord | undefined
			const entry = attendanceAfterJoin(existing, person, Date.now())
			if (entry) txn.set(entry.id, entry)
		})
	}

	/** Closes one socket with tldraw's 4099 and `reason` (e.g. LINK_REVOKED), which its client shows instead of retrying. */
	disconnect(connectionId: string, reason: string): void {
		if (!this.open.has(connectionId)) return
		this.room.closeSession(connectionId, reason)
		this.forget(connectionId)
	}

	/** The socket closed, cleanly or (`error`) not. */
	close(conn: Party.Connection, { error = false } = {}): void {
		if (!this.open.has(conn.id)) return
		if (error) this.room.handleSocketError(conn.id)
		else this.room.handleSocketClose(conn.id)
		this.forget(conn.id)
		// tldraw keeps a closed session a few seconds for a reconnect; the canvas need not wait.
		if (this.people.connectedSessionIds().length === 0) {
			this.saver.flush()
			this.peopleBroadcast.cancel()
			if (this.clockTimer) clearInterval(this.clockTimer)
			this.clockTimer = null
		}
	}

	private forget(sessionId: string): void {
		this.open.delete(sessionId)
		this.inbound.forget(sessionId)
		if (this.people.left(sessionId)) this.peopleBroadcast.request()
	}

	private isConnected(sessionId: string): boolean {
		return this.room.getSessions().some((session) => session.sessionId === sessionId && session.isConnected)
	}

	private broadcastClock(): void {
		const message = clockNow()
		for (const sessionId of this.people.connectedSessionIds()) this.room.sendCustomMessage(sessionId, message)
	}

	private broadcastPeople(): void {
		const message: PeopleMessage = { type: 'people', people: this.people.list() }
		for (const sessionId of this.people.connectedSessionIds()) this.room.sendCustomMessage(sessionId, message)
	}

	private async save(): Promise<void> {
		const snapshot = this.room.getCurrentSnapshot()
		// The object lane is not in the document snapshot. Saved as one list, it shares the clock and
		// tombstones, and the storage routes each record back to its lane by type on load.
		const documents = [...snapshot.documents, ...this.room.getCurrentObjectsSnapshot()]
		const clock = snapshot.documentClock ?? 0
		const result = await this.api.saveCanvas({
			snapshot: { ...snapshot, documents },
			clock,
			humanIdCounters: this.allocator.toJSON(),
			elements: extractElements(snapshot),
		})
		if (result.saved) {
			this.durability.saved(clock)
		} else {
			console.warn(`[party ${this.sessionId}] the app holds a newer canvas (clock ${result.clock}); save ignored`)
		}
	}
}

function clockNow({ handshake = false } = {}): ClockMessage {
	return { type: 'clock', serverNow: Date.now(), handshake }
}
