import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import type { TLPersistentClientSocket, TLSocketStatusChangeEvent } from '@tldraw/sync-core'
import type { TLRecord, TLStoreProps } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureThreat } from '@/fixtures/workshopRecords'
import { PendingWrites } from './pendingWrites'
import { threatroomSchema } from './threatroomSchema'

type Message = { type: string; [key: string]: unknown }

function fakeSocket() {
	const received = new Set<(message: Message) => void>()
	const statuses = new Set<(event: TLSocketStatusChangeEvent) => void>()
	const sent: Message[] = []
	const socket: TLPersistentClientSocket<Message, Message> = {
		connectionStatus: 'online',
		sendMessage: (message) => sent.push(message),
		onReceiveMessage: (callback) => {
			received.add(callback)
			return () => received.delete(callback)
		},
		onStatusChange: (callback) => {
			statuses.add(callback)
			return () => statuses.delete(callback)
		},
		restart: () => {},
		close: () => {},
	}
	return {
		socket,
		sent,
		receive: (message: Message) => {
			for (const callback of received) callback(message)
		},
		status: (status: 'online' | 'offline') => {
			for (const callback of statuses) callback({ status } as TLSocketStatusChangeEvent)
		},
	}
}

/** A store as a loaded client has it: tldraw's document and page already there. */
function store() {
	const records = new Store<TLRecord, TLStoreProps>({
		schema: threatroomSchema,
		props: {
			defaultName: '',
			assets: { upload: async () => ({ src: '' }), resolve: () => null, remove: async () => {} },
			users: { currentUser: atom('user', null), resolve: () => atom('user', null) },
			onMount: () => {},
		},
	})
	// The schema's integrity check adds the document and page after the first operation.
	records.mergeRemoteChanges(() => records.put([fixtureThreat({ id: 'threat:loaded' as ThreatId })]))
	return records
}

const threat = fixtureThreat({ id: 'threat:a' as ThreatId })

describe('PendingWrites', () => {
	it('marks a local change pending until the push carrying it is answered', () => {
		const pending = new PendingWrites()
		const fake = fakeSocket()
		const socket = pending.wrap(fake.socket)
		const records = store()
		pending.watch(records)

		records.put([threat])
		expect(pending.has(threat.id)).toBe(true)
		socket.sendMessage({ type: 'push', clientClock: 3, diff: { [threat.id]: ['put', threat] } })
		expect(pending.has(threat.id)).toBe(true)
		fake.receive({ type: 'data', data: [{ type: 'patch' }, { type: 'push_result', clientClock: 3, action: 'commit' }] })
		expect(pending.ids.get().size).toBe(0)
	})

	it('keeps a record pending when it changed again after the push that was answered', () => {
		const pending = new PendingWrites()
		const fake = fakeSocket()
		const socket = pending.wrap(fake.socket)
		const records = store()
		pending.watch(records)
		records.put([threat])
		socket.sendMessage({ type: 'push', clientClock: 1, diff: { [threat.id]: ['put', threat] } })
		records.put([{ ...threat, title: 'Changed again' }])
		fake.receive({ type: 'push_result', clientClock: 1, action: 'commit' })
		expect(pending.has(threat.id)).toBe(true)
	})

	it('counts changes made offline, and what was in flight when the connection dropped, until the replay is answered', () => {
		const pending = new PendingWrites()
		const fake = fakeSocket()
		const socket = pending.wrap(fake.socket)
		const records = store()
		pending.watch(records)
		const other = fixtureThreat({ id: 'threat:b' as ThreatId })
		records.put([threat])
		socket.sendMessage({ type: 'push', clientClock: 1, diff: { [threat.id]: ['put', threat] } })
		fake.status('offline')
		records.put([other])
		expect([...pending.ids.get()].sort()).toEqual(['threat:a', 'threat:b'])

		fake.status('online')
		socket.sendMessage({ type: 'push', clientClock: 2, diff: { [threat.id]: ['put', threat], [other.id]: ['put', other] } })
		fake.receive({ type: 'data', data: [{ type: 'push_result', clientClock: 2, action: { rebaseWithDiff: {} } }] })
		expect(pending.ids.get().size).toBe(0)
	})

	it('ignores changes that came from the room', () => {
		const pending = new PendingWrites()
		const records = store()
		pending.watch(records)
		records.mergeRemoteChanges(() => records.put([threat]))
		expect(pending.ids.get().size).toBe(0)
	})
})
