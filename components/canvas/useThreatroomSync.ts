'use client'

import { type RemoteTLStoreWithStatus, useSync } from '@tldraw/sync'
import { useEffect, useMemo, useState } from 'react'
import { getDefaultUserPresence, type TLUser } from '@tldraw/tlschema'
import { atom, createUserId, inlineBase64AssetStore, UserRecordType, useValue } from 'tldraw'
import { PendingWrites } from '@/lib/canvas/pendingWrites'
import { RoomConnection } from '@/lib/canvas/roomConnection'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { colorForUserId } from '@/lib/canvas/userColor'
import type { IdScope } from '@/lib/session/composedIds'
import { type Person, parseCustomMessage, type RateLimitedMessage, type RejectedMessage } from '@/lib/protocol/customMessages'
import { CLOCK_SAMPLES_KEPT, type ClockSample } from '@/lib/session/serverClock'
import { connectWatched } from './watchedSocket'

export interface ThreatroomSyncOptions {
	partyUrl: string
	sessionId: string
	token: string
	displayName: string
	userId: string
	/** The browser's secret key: only the room sees it, and derives `userId` from it. */
	userKey: string
}

export interface ThreatroomSyncRole {
	/** An observer: the room refuses every write of this session (see `users` below). */
	readOnly?: boolean
}

export interface ThreatroomSyncHandlers {
	/** The room refused one of this person's writes and said why (tldraw itself rolls back silently). */
	onRejected?: (message: RejectedMessage) => void
	/** The room is handling this tab's changes slower than it sends them (once per burst). */
	onRateLimited?: (message: RateLimitedMessage) => void
	/** The facilitator changed the project prefix exported IDs compose with. */
	onProjectChanged?: (project: IdScope) => void
}

/** The party's socket for a session: `<partyUrl>/party/<sessionId>?token=…&name=…&userKey=…`. */
function partySocketUri({ partyUrl, sessionId, token, displayName, userKey }: Omit<ThreatroomSyncOptions, 'userId'>): string {
	const base = partyUrl.replace(/\/+$/, '')
	const query = [`token=${encodeURIComponent(token)}`, `name=${encodeURIComponent(displayName)}`, `userKey=${encodeURIComponent(userKey)}`].join('&')
	return `${base}/party/${encodeURIComponent(sessionId)}?${query}`
}

/**
 * Connects the canvas to the session's room with tldraw sync: one schema shared with the room,
 * presence under the person's display name and a colour stable per userId, and the room's
 * "people" messages. Images stay inline in the document (no asset server); the canvas caps
 * their size so a paste never exceeds what the party accepts in one message.
 */
export function useThreatroomSync(
	options: ThreatroomSyncOptions,
	{ onRejected, onRateLimited, onProjectChanged, readOnly = false }: ThreatroomSyncHandlers & ThreatroomSyncRole = {},
): {
	store: RemoteTLStoreWithStatus
	people: Person[]
	/** The room's recent clock messages, for the shared timer; none until the handshake. */
	clock: readonly ClockSample[]
	/** This person's changes the room has not acknowledged yet (sent once they are back online). */
	pending: PendingWrites
	/** The room has answered this connection's handshake and it has not dropped since. */
	inRoom: boolean
} {
	const { partyUrl, sessionId, token, displayName, userId, userKey } = options
	const [people, setPeople] = useState<Person[]>([])
	const [clock, setClock] = useState<readonly ClockSample[]>([])

	// useSync reconnects whenever these identities change, so each is memoised on its inputs.
	const uri = useMemo(() => partySocketUri({ partyUrl, sessionId, token, displayName, userKey }), [partyUrl, sessionId, token, displayName, userKey])
	// One per connection: what it has in flight means nothing to the next one.
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new connection (uri) is what must make a new one
	const pending = useMemo(() => new PendingWrites(), [uri])
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new connection (uri) is what must make a new one
	const room = useMemo(() => new RoomConnection(), [uri])
	const connect = useMemo(() => connectWatched(uri, pending, room), [uri, pending, room])
	const inRoom = useValue(room.inRoom)
	const identity = useMemo(() => UserRecordType.create({ id: createUserId(userId), name: displayName, color: colorForUserId(userId) }), [userId, displayName])
	// tldraw writes the current user's `user` record into the document for attribution, and puts it
	// back whenever it is missing. The room refuses every write of an observer, so for them that
	// would be an endless put-refuse loop (and a refusal toast each time): observers have no current
	// user in the store and carry their identity in their presence only.
	const users = useMemo(() => ({ currentUser: atom<TLUser | null>('threatroom current user', readOnly ? null : identity) }), [identity, readOnly])

	const store = useSync({
		connect,
		schema: threatroomSchema,
		assets: inlineBase64AssetStore,
		users,
		getUserPresence: readOnly ? (store) => getDefaultUserPresence(store, identity) : undefined,
		onCustomMessageReceived(data: unknown) {
			const message = parseCustomMessage(data)
			switch (message?.type) {
				case 'people':
					setPeople(message.people)
					break
				case 'clock':
					setClock((samples) => [...samples, { serverTime: message.serverNow, receivedAt: Date.now() }].slice(-CLOCK_SAMPLES_KEPT))
					break
				case 'rejected':
					onRejected?.(message)
					break
				case 'rate-limited':
					onRateLimited?.(message)
					break
				case 'project':
					onProjectChanged?.({ projectPrefix: message.projectPrefix, sessionNumber: message.sessionNumber })
					break
				case 'error':
					// tldraw's client never sends what the room refuses: this is a bug worth a console line.
					console.error(`The session refused a message (${message.reason}): ${message.detail}`)
					break
			}
		},
	})

	// The store exists once the first sync is through; nobody can edit before that.
	const synced = store.status === 'synced-remote' ? store.store : null
	useEffect(() => (synced ? pending.watch(synced) : undefined), [synced, pending])

	return { store, people, clock, pending, inRoom }
}
