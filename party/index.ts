import { TLSyncErrorCloseEventCode } from '@tldraw/sync-core'
import type * as Party from 'partykit/server'
import { PARTY_CLOSE_REASON } from '@/lib/protocol/customMessages'
import { createAppApi } from './appApi'
import { authenticate, identityOf } from './auth'
import { CanvasRoom } from './canvasRoom'
import { parsePartyEnv } from './env'
import { handleAppRequest } from './appRequests'
import { LinkConnections } from './linkRevocation'
import { retryDelayMs } from './persistence'
import { loadRoom } from './loadRoom'

/** How long a connecting socket waits for the canvas to load before it is told to come back. */
const LOAD_WAIT_MS = 10_000
/** "Try again later": any code but 4099 makes tldraw's client reconnect with backoff. */
const RETRY_LATER_CLOSE_CODE = 1013

/**
 * One room per Threatroom session (`/party/<sessionId>`). Thin on purpose: authentication is in
 * auth.ts, the canvas (tldraw sync, human IDs, people, saves) in canvasRoom.ts.
 */
export default class ThreatroomServer implements Party.Server {
	private canvas: CanvasRoom | null = null
	private loading: Promise<CanvasRoom | null> | null = null
	/** Which link each socket joined with, so a rotated link's sockets can be closed. */
	private readonly links = new LinkConnections()

	constructor(readonly room: Party.Room) {}

	static onBeforeConnect(request: Party.Request, lobby: Party.Lobby): Promise<Party.Request | Response> {
		return authenticate(request, lobby)
	}

	// Not awaited: PartyKit holds the first connection until onStart resolves and never calls it
	// again, so a load that waits for the app must not live here. Sockets wait in onConnect instead.
	onStart(): void {
		void this.load()
	}

	async onConnect(conn: Party.Connection, ctx: Party.ConnectionContext): Promise<void> {
		const identity = identityOf(ctx.request)
		if (!identity.ok) {
			conn.close(TLSyncErrorCloseEventCode, identity.reason)
			return
		}
		// The handshake completes only when this returns, so the client cannot send anything meanwhile.
		const canvas = await this.canvasWithin(LOAD_WAIT_MS)
		if (canvas === 'missing') conn.close(TLSyncErrorCloseEventCode, 'NOT_FOUND')
		else if (canvas === 'loading') conn.close(RETRY_LATER_CLOSE_CODE, 'ROOM_LOADING')
		else if (this.links.isRevoked(identity.linkHash)) conn.close(TLSyncErrorCloseEventCode, PARTY_CLOSE_REASON.LINK_REVOKED)
		else {
			canvas.connect(conn, identity.person)
			this.links.track(conn.id, identity.linkHash)
		}
	}

	/** The app's news for the room (appRequests.ts): a rotated link, a new project prefix. */
	onRequest(request: Party.Request): Promise<Response> {
		return handleAppRequest(request, parsePartyEnv(this.room.env).INTERNAL_SECRET, {
			revokeLinks: (linkHashes) => {
				const connectionIds = this.links.revoke(linkHashes)
				for (const connectionId of connectionIds) {
					this.canvas?.disconnect(connectionId, PARTY_CLOSE_REASON.LINK_REVOKED)
					this.links.forget(connectionId)
				}
				return connectionIds.length
			},
			// A room not loaded has nobody to tell; its joiners get pages served after the change.
			projectChanged: (project) => this.canvas?.announceProject({ type: 'project', ...project }) ?? 0,
		})
	}

	onMessage(message: string | ArrayBuffer | ArrayBufferView, conn: Party.Connection): void {
		this.canvas?.message(conn, message)
	}

	onClose(conn: Party.Connection): void {
		this.links.forget(conn.id)
		this.canvas?.close(conn)
	}

	onError(conn: Party.Connection): void {
		this.links.forget(conn.id)
		this.canvas?.close(conn, { error: true })
	}

	private async canvasWithin(ms: number): Promise<CanvasRoom | 'missing' | 'loading'> {
		let timer: ReturnType<typeof setTimeout> | undefined
		const timeout = new Promise<'loading'>((resolve) => {
			timer = setTimeout(() => resolve('loading'), ms)
		})
		try {
			return await Promise.race([this.load().then((canvas) => canvas ?? 'missing'), timeout])
		} finally {
			clearTimeout(timer)
		}
	}

	/** The canvas, or null if the app does not know the session (the next connection asks again). */
	private load(): Promise<CanvasRoom | null> {
		if (this.canvas) return Promise.resolve(this.canvas)
		this.loading ??= this.loadUntilAnswered().then((canvas) => {
			this.canvas = canvas
			this.loading = null
			return canvas
		})
		return this.loading
	}

	// Retries for as long as it takes: starting an empty room because the app was briefly down would
	// overwrite the session's saved canvas with nothing on the first save.
	private async loadUntilAnswered(): Promise<CanvasRoom | null> {
		for (let failures = 1; ; failures++) {
			try {
				const env = parsePartyEnv(this.room.env)
				const api = createAppApi(env, this.room.id)
				// The app's snapshot and the room's own write-ahead copy: the room starts from the newer.
				const loaded = await loadRoom(this.room.id, api, this.room.storage)
				return (
					loaded &&
					new CanvasRoom(this.room.id, loaded.start, api, loaded.wal, {
						framework: loaded.framework,
						persistDebounceMs: env.PERSIST_DEBOUNCE_MS,
					})
				)
			} catch (error) {
				const retryInMs = retryDelayMs(failures)
				const message = error instanceof Error ? error.message : String(error)
				console.error(`[party ${this.room.id}] loading the canvas failed (${failures}x), retrying in ${retryInMs} ms: ${message}`)
				await new Promise((resolve) => setTimeout(resolve, retryInMs))
			}
		}
	}
}

ThreatroomServer satisfies Party.Worker
