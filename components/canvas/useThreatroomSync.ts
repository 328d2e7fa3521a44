'use client'

import { type RemoteTLStoreWithStatus, useSync } from '@tldraw/sync'
import { useMemo, useState } from 'react'
import { atom, createUserId, inlineBase64AssetStore, UserRecordType } from 'tldraw'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { colorForUserId } from '@/lib/canvas/userColor'
import { type Person, parseCustomMessage } from '@/lib/protocol/customMessages'

export interface ThreatroomSyncOptions {
	partyUrl: string
	sessionId: string
	token: string
	displayName: string
	userId: string
}

/** The party's socket for a session: `<partyUrl>/party/<sessionId>?token=…&name=…&userId=…`. */
export function partySocketUri({ partyUrl, sessionId, token, displayName, userId }: ThreatroomSyncOptions): string {
	const base = partyUrl.replace(/\/+$/, '')
	const query = [
		`token=${encodeURIComponent(token)}`,
		`name=${encodeURIComponent(displayName)}`,
		`userId=${encodeURIComponent(userId)}`,
	].join('&')
	return `${base}/party/${encodeURIComponent(sessionId)}?${query}`
}

/**
 * Connects the canvas to the session's room with tldraw sync: one schema shared with the room,
 * presence under the person's display name and a colour stable per userId, and the room's
 * "people" messages. Images stay inline in the document (no asset server); the canvas caps
 * their size so a paste never exceeds what the party accepts in one message.
 */
export function useThreatroomSync(options: ThreatroomSyncOptions): {
	store: RemoteTLStoreWithStatus
	people: Person[]
} {
	const { partyUrl, sessionId, token, displayName, userId } = options
	const [people, setPeople] = useState<Person[]>([])

	// useSync reconnects whenever these identities change, so each is memoised on its inputs.
	const uri = useMemo(
		() => partySocketUri({ partyUrl, sessionId, token, displayName, userId }),
		[partyUrl, sessionId, token, displayName, userId],
	)
	const users = useMemo(
		() => ({
			currentUser: atom(
				'threatroom current user',
				UserRecordType.create({ id: createUserId(userId), name: displayName, color: colorForUserId(userId) }),
			),
		}),
		[userId, displayName],
	)

	const store = useSync({
		uri,
		schema: threatroomSchema,
		assets: inlineBase64AssetStore,
		users,
		onCustomMessageReceived(data: unknown) {
			const message = parseCustomMessage(data)
			if (message?.type === 'people') setPeople(message.people)
		},
	})

	return { store, people }
}
