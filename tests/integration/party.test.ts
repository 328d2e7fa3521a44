import { createUserId, InstancePresenceRecordType, type TLInstancePresence, type TLParentId, type TLShape } from '@tldraw/tlschema'
import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { humanIdOf } from '@/lib/dfd/humanIds'
import { parseCustomMessage } from '@/lib/protocol/customMessages'
import { arrowBinding, dfdShape, flowArrow } from '../support/canvasRecords'
import { loaded, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import type { TestClient } from '../support/syncClient'
import { chunk } from '@/lib/canvas/syncCoreInternals'

// The real room in `partykit dev` (workerd), driven by headless tldraw sync clients, against a fake
// of the app's internal API. Each test uses its own session, so they share one party.

const harness = usePartyHarness()

function connect(sessionId: string, token: string, name = 'Tester', userId?: string): TestClient {
	return harness.connect(sessionId, token, name, userId)
}

function pageOf(client: TestClient): TLParentId {
	const page = client.store.allRecords().find((record) => record.typeName === 'page')
	if (!page) throw new Error('the client has no page')
	return page.id as TLParentId
}

function processes(client: TestClient): TLShape[] {
	return client.shapes().filter((shape) => shape.type === 'dfd-process')
}

function humanIds(client: TestClient): string[] {
	return processes(client)
		.map((shape) => humanIdOf(shape) ?? '')
		.sort()
}

/** Opens a raw socket, sends `messages` once open, and resolves with how the party closed it. */
function closeOf(sessionId: string, token: string, messages: string[] = []): Promise<{ code: number; reason: string }> {
	const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/party/${sessionId}?token=${encodeURIComponent(token)}`)
	return new Promise((resolve, reject) => {
		socket.on('open', () => {
			for (const message of messages) socket.send(message)
		})
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
		socket.on('error', reject)
	})
}

describe('the party room', () => {
	it('stamps the next human ID on a process a participant draws, for everyone', async () => {
		harness.app.addSession('stamp', { 'tok-part': 'participant', 'tok-fac': 'facilitator' })
		const drawer = connect('stamp', 'tok-part')
		const watcher = connect('stamp', 'tok-fac')
		await loaded(drawer, watcher)

		const process = dfdShape('dfd-process', pageOf(drawer), { humanId: '' })
		drawer.store.put([process])

		await expect.poll(() => humanIds(watcher), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1'])
		await expect.poll(() => humanIds(drawer), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1'])
		expect(processes(watcher)[0]?.id).toBe(process.id)
	})

	it('gives processes drawn at the same moment distinct IDs', async () => {
		harness.app.addSession('race', { 'tok-a': 'participant', 'tok-b': 'participant' })
		const a = connect('race', 'tok-a')
		const b = connect('race', 'tok-b')
		await loaded(a, b)

		a.store.put([dfdShape('dfd-process', pageOf(a))])
		b.store.put([dfdShape('dfd-process', pageOf(b))])

		for (const client of [a, b]) {
			await expect.poll(() => humanIds(client), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1', 'P2'])
		}
	})

	it("drops an observer's drawing: nobody sees it, it is not saved and it uses no ID", async () => {
		const session = harness.app.addSession('observer', { 'tok-obs': 'observer', 'tok-part': 'participant' })
		const observer = connect('observer', 'tok-obs')
		const participant = connect('observer', 'tok-part')
		await loaded(observer, participant)

		const attempt = dfdShape('dfd-process', pageOf(observer))
		observer.store.put([attempt])
		// The room answers the observer's push by discarding it, and the client rolls it back.
		await expect.poll(() => observer.store.has(attempt.id), { timeout: SYNC_TIMEOUT_MS }).toBe(false)

		participant.store.put([dfdShape('dfd-process', pageOf(participant))])
		await expect.poll(() => humanIds(participant), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1'])
		await expect.poll(() => session.saves.length, { timeout: SYNC_TIMEOUT_MS }).toBeGreaterThan(0)
		const saved = session.saves.at(-1)
		expect(saved?.elements.map((element) => element.humanId)).toEqual(['P1'])
		expect(JSON.stringify(saved?.snapshot)).not.toContain(attempt.id)
		expect(observer.store.has(attempt.id)).toBe(false)
	})

	it('closes the socket of a bad link with 4099, and the tldraw client reports why', async () => {
		harness.app.addSession('badlink', { 'tok-good': 'participant' })

		expect(await closeOf('badlink', 'wrong-token')).toEqual({ code: 4099, reason: 'NOT_AUTHENTICATED' })
		expect(await closeOf('no-such-session', 'tok-good')).toEqual({ code: 4099, reason: 'NOT_FOUND' })
		const client = connect('badlink', 'wrong-token')
		await expect.poll(() => client.syncError(), { timeout: SYNC_TIMEOUT_MS }).toBe('NOT_AUTHENTICATED')
		expect(client.isLoaded()).toBe(false)
	})

	it('lists the people in the room, once per person, on every join and leave', async () => {
		harness.app.addSession('people', { 'tok-fac': 'facilitator', 'tok-obs': 'observer', 'tok-part': 'participant' })
		const ana = connect('people', 'tok-obs', 'Ana', 'user-ana')
		await loaded(ana)
		const anaAgain = connect('people', 'tok-fac', 'Ana', 'user-ana')
		const bo = connect('people', 'tok-part', ' Bo ', 'user-bo')
		await loaded(anaAgain, bo)

		const latestPeople = () => {
			const lists = ana.customMessages.map(parseCustomMessage).flatMap((message) => (message?.type === 'people' ? [message.people] : []))
			return lists.at(-1) ?? null
		}
		const [anaId, boId] = await Promise.all([userIdFor('user-ana'), userIdFor('user-bo')])
		await expect.poll(latestPeople, { timeout: SYNC_TIMEOUT_MS }).toEqual([
			{ userId: anaId, name: 'Ana', role: 'facilitator' },
			{ userId: boId, name: 'Bo', role: 'participant' },
		])

		bo.close()
		await expect.poll(latestPeople, { timeout: SYNC_TIMEOUT_MS }).toEqual([{ userId: anaId, name: 'Ana', role: 'facilitator' }])
	})

	it("shows a cursor under its owner's identity, whatever the client claims: nobody can pose as the facilitator", async () => {
		harness.app.addSession('cursors', { 'tok-fac': 'facilitator', 'tok-part': 'participant' })
		const fay = connect('cursors', 'tok-fac', 'Fay', 'user-fay')
		const mallory = connect('cursors', 'tok-part', 'Mallory', 'user-mallory')
		await loaded(fay, mallory)
		const [fayId, malloryId] = await Promise.all([userIdFor('user-fay'), userIdFor('user-mallory')])

		mallory.setPresence(
			InstancePresenceRecordType.create({
				id: InstancePresenceRecordType.createId('mallory'),
				currentPageId: pageOf(mallory) as TLInstancePresence['currentPageId'],
				userId: createUserId(fayId),
				userName: 'Fay',
				cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
			}),
		)
		const cursorsFaySees = () =>
			fay.store
				.allRecords()
				.filter((record): record is TLInstancePresence => record.typeName === 'instance_presence')
				.map(({ userId, userName, cursor }) => ({ userId, userName, x: cursor?.x }))
		await expect.poll(cursorsFaySees, { timeout: SYNC_TIMEOUT_MS }).toEqual([{ userId: createUserId(malloryId), userName: 'Mallory', x: 10 }])
	})

	it('saves the snapshot and the element rows to the app after an edit, while people are still in the room', async () => {
		const session = harness.app.addSession('save', { 'tok-part': 'participant' })
		const client = connect('save', 'tok-part')
		await loaded(client)

		const page = pageOf(client)
		const browser = dfdShape('dfd-entity', page, { name: 'Browser' })
		const shop = dfdShape('dfd-process', page, { name: 'Shop' })
		const flow = flowArrow(page, 'Order', null)
		client.store.put([browser, shop, flow, arrowBinding(flow.id, browser.id, 'start'), arrowBinding(flow.id, shop.id, 'end')])

		// The debounced save, not the one on leaving: the client is still connected.
		await expect.poll(() => session.saves.at(-1)?.elements.length ?? 0, { timeout: SYNC_TIMEOUT_MS, interval: 50 }).toBe(3)
		expect(client.syncError()).toBeNull()

		const saved = session.saves.at(-1)
		expect(saved?.humanIdCounters).toEqual({ EE: 1, P: 1, DF: 1 })
		expect(saved?.clock).toBeGreaterThan(0)
		expect(saved?.clock).toBe((saved?.snapshot as { documentClock?: number } | undefined)?.documentClock)
		expect(saved?.elements).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ shapeId: browser.id, humanId: 'EE1', kind: 'entity', name: 'Browser', pageId: page }),
				expect.objectContaining({ shapeId: shop.id, humanId: 'P1', kind: 'process', name: 'Shop' }),
				expect.objectContaining({
					shapeId: flow.id,
					humanId: 'DF1',
					kind: 'flow',
					name: 'Order',
					sourceShapeId: browser.id,
					targetShapeId: shop.id,
				}),
			]),
		)
	})

	it('comes back after a crash with the saved canvas, and never hands out a deleted ID again', async () => {
		const session = harness.app.addSession('restart', { 'tok-part': 'participant' })
		const before = connect('restart', 'tok-part')
		await loaded(before)
		const kept = dfdShape('dfd-process', pageOf(before), { name: 'Kept' })
		const deleted = dfdShape('dfd-process', pageOf(before), { name: 'Deleted' })
		before.store.put([kept])
		await expect.poll(() => humanIds(before), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1'])
		before.store.put([deleted])
		await expect.poll(() => humanIds(before), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1', 'P2'])
		before.store.remove([deleted.id])
		const lastSave = () => {
			const save = session.saves.at(-1)
			return { humanIds: save?.elements.map((element) => element.humanId), counters: save?.humanIdCounters }
		}
		await expect.poll(lastSave, { timeout: SYNC_TIMEOUT_MS }).toEqual({ humanIds: ['P1'], counters: { P: 2 } })
		before.close()

		await harness.crashAndRestart()

		const after = connect('restart', 'tok-part')
		await loaded(after)
		expect(processes(after).map((shape) => [shape.id, humanIdOf(shape)])).toEqual([[kept.id, 'P1']])
		after.store.put([dfdShape('dfd-process', pageOf(after))])
		await expect.poll(() => humanIds(after), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P1', 'P3'])
	})

	it('closes a session that sends a message over 4 MiB, even split into chunks', async () => {
		harness.app.addSession('huge', { 'tok-part': 'participant' })
		const push = JSON.stringify({ type: 'push', clientClock: 1, diff: { padding: 'x'.repeat(5 * 1024 * 1024) } })

		expect(await closeOf('huge', 'tok-part', chunk(push, 256 * 1024))).toEqual({
			code: 4099,
			reason: 'MESSAGE_TOO_LARGE',
		})
	})

	it('waits for an app that cannot load the canvas yet instead of starting an empty room', async () => {
		const session = harness.app.addSession('flaky', { 'tok-part': 'participant' })
		const seeded = dfdShape('dfd-process', 'page:page' as TLParentId, { humanId: 'P4', name: 'Seeded' })
		session.canvas = {
			snapshot: {
				...DEFAULT_INITIAL_SNAPSHOT,
				documentClock: 7,
				schema: threatroomSchema.serialize(),
				documents: [...DEFAULT_INITIAL_SNAPSHOT.documents, { state: seeded, lastChangedClock: 7 }],
			},
			clock: 7,
			humanIdCounters: { P: 4 },
		}
		session.failLoads = 2

		const client = connect('flaky', 'tok-part')
		await loaded(client)

		expect(harness.app.requests.filter((request) => request === 'GET /canvas flaky')).toHaveLength(3)
		expect(session.saves).toEqual([])
		expect(processes(client).map((shape) => [shape.id, humanIdOf(shape)])).toEqual([[seeded.id, 'P4']])
		client.store.put([dfdShape('dfd-process', pageOf(client))])
		await expect.poll(() => humanIds(client), { timeout: SYNC_TIMEOUT_MS }).toEqual(['P4', 'P5'])
	})
})
