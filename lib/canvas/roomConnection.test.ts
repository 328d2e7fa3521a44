import type { TLSocketStatusChangeEvent } from '@tldraw/sync-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ROOM_STALL_MS, RoomConnection } from './roomConnection'

/** tldraw's socket as the watchdog sees it: status changes, messages, and restart. */
class FakeSocket {
	restarts = 0
	private statusListeners = new Set<(event: TLSocketStatusChangeEvent) => void>()
	private messageListeners = new Set<(message: { type: string }) => void>()
	onStatusChange(listener: (event: TLSocketStatusChangeEvent) => void) {
		this.statusListeners.add(listener)
		return () => this.statusListeners.delete(listener)
	}
	onReceiveMessage(listener: (message: { type: string }) => void) {
		this.messageListeners.add(listener)
		return () => this.messageListeners.delete(listener)
	}
	restart() {
		this.restarts++
	}
	status(event: TLSocketStatusChangeEvent) {
		for (const listener of this.statusListeners) listener(event)
	}
	receive(type: string) {
		for (const listener of this.messageListeners) listener({ type })
	}
}

describe('RoomConnection', () => {
	beforeEach(() => {
		vi.useFakeTimers()
		vi.spyOn(console, 'warn').mockImplementation(() => {})
	})
	afterEach(() => {
		vi.useRealTimers()
		vi.restoreAllMocks()
	})

	it('is in the room only once the room has answered connect, not when the socket opens', () => {
		const room = new RoomConnection()
		const socket = new FakeSocket()
		room.watch(socket)
		socket.status({ status: 'online' })
		expect(room.inRoom.get()).toBe(false)
		socket.receive('connect')
		expect(room.inRoom.get()).toBe(true)
		socket.status({ status: 'offline' })
		expect(room.inRoom.get()).toBe(false)
	})

	it('restarts a socket whose handshake hangs, and again every stall period until it gets in', () => {
		const room = new RoomConnection()
		const socket = new FakeSocket()
		room.watch(socket)
		vi.advanceTimersByTime(ROOM_STALL_MS - 1)
		expect(socket.restarts).toBe(0)
		vi.advanceTimersByTime(1)
		expect(socket.restarts).toBe(1)
		vi.advanceTimersByTime(ROOM_STALL_MS)
		expect(socket.restarts).toBe(2)
		socket.receive('connect')
		vi.advanceTimersByTime(10 * ROOM_STALL_MS)
		expect(socket.restarts).toBe(2)
	})

	it('restarts a socket that opened but whose room never answers', () => {
		const room = new RoomConnection()
		const socket = new FakeSocket()
		room.watch(socket)
		socket.receive('connect')
		socket.status({ status: 'offline' })
		socket.status({ status: 'online' })
		vi.advanceTimersByTime(ROOM_STALL_MS)
		expect(socket.restarts).toBe(1)
	})

	it('does not let quick failed attempts postpone the restart', () => {
		const room = new RoomConnection()
		const socket = new FakeSocket()
		room.watch(socket)
		socket.receive('connect')
		socket.status({ status: 'offline' })
		for (let elapsed = 0; elapsed < ROOM_STALL_MS; elapsed += 2_000) {
			vi.advanceTimersByTime(2_000)
			socket.status({ status: 'online' })
			socket.status({ status: 'offline' })
		}
		expect(socket.restarts).toBe(1)
	})

	it('leaves a connected socket alone', () => {
		const room = new RoomConnection()
		const socket = new FakeSocket()
		room.watch(socket)
		socket.status({ status: 'online' })
		socket.receive('connect')
		vi.advanceTimersByTime(10 * ROOM_STALL_MS)
		expect(socket.restarts).toBe(0)
	})

	it('stops on a final error and once released, so a closed socket is never restarted', () => {
		const room = new RoomConnection()
		const failed = new FakeSocket()
		room.watch(failed)
		failed.status({ status: 'error', reason: 'NOT_AUTHENTICATED' })
		vi.advanceTimersByTime(10 * ROOM_STALL_MS)
		expect(failed.restarts).toBe(0)

		const closed = new FakeSocket()
		const release = room.watch(closed)
		release()
		vi.advanceTimersByTime(10 * ROOM_STALL_MS)
		expect(closed.restarts).toBe(0)
		expect(room.inRoom.get()).toBe(false)
	})
})
