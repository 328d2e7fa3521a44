import type { TLPageId, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { threatroomSchema } from '@/lib/canvas/threatroomSchema'
import { sessionRecordsView } from '@/lib/server/sessionRecordsView'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { getSessionDetails } from '@/lib/db/sessionDetailsRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { decisionInForce } from '@/lib/session/decisions'
import type { DecisionId, DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { SessionEventId, SessionEventRecord } from '@/lib/session/records/sessionEventRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { REJECTION_REASON } from '@/lib/session/rejectionReasons'
import { fixtureDecision, fixtureSessionEvent, fixtureThreat } from '@/fixtures/workshopRecords'
import { dfdShape } from '../support/canvasRecords'
import { FAST_SAVES, lastSavedRecords, loaded, rejectionsOf, SYNC_TIMEOUT_MS, userIdFor, usePartyHarness } from '../support/partyHarness'
import { OTHERS_THREAT_ID, seededCanvas } from '../support/roleActions'
import { getTlsyncProtocolVersion } from '@/lib/canvas/syncCoreInternals'
import type { TestClient } from '../support/syncClient'

// The decide phase and the end of the session in the real room: decisions kept as a history the
// app stores row by row, and an ended session that refuses every write until the facilitator
// reopens it.

const harness = usePartyHarness(FAST_SAVES)
// The app's real projection (libSQL), fed with what the room saved to the fake app.
useTemporaryDatabase()

const PAGE = 'page:page' as TLPageId

function decisionsIn(records: readonly TLRecord[]): DecisionRecord[] {
	return records.filter((record): record is DecisionRecord => record.typeName === 'decision')
}

const has = (client: TestClient, id: string) => client.store.get(id as TLRecord['id']) !== undefined

async function openSession(id: string) {
	const session = harness.app.addSession(id, { 'tok-fac': 'facilitator', 'tok-part': 'participant', 'tok-po': 'productOwner' })
	session.canvas = seededCanvas(await userIdFor('pat'))
	const facilitator = harness.connect(id, 'tok-fac', 'Fay', 'fay')
	const participant = harness.connect(id, 'tok-part', 'Pat', 'pat')
	const productOwner = harness.connect(id, 'tok-po', 'Pol', 'pol')
	await loaded(facilitator, participant, productOwner)
	return { session, facilitator, participant, productOwner }
}

describe('deciding a threat', () => {
	it('keeps every decision on a threat: both in the room, both saved and projected, the latest in force', async () => {
		const { session, facilitator, participant, productOwner } = await openSession('decide-history')

		const mitigate = fixtureDecision({ id: 'decision:first' as DecisionId, threatId: OTHERS_THREAT_ID })
		productOwner.store.put([mitigate])
		await expect.poll(() => decisionsIn(participant.store.allRecords()).length, { timeout: SYNC_TIMEOUT_MS }).toBe(1)
		const accept = fixtureDecision({
			id: 'decision:second' as DecisionId,
			threatId: OTHERS_THREAT_ID,
			kind: 'accept',
			rationale: 'Only reachable from the office',
			reviewDate: '2026-09-30',
			onBehalfOf: 'Paula',
		})
		facilitator.store.put([accept])

		// Participants see decisions live.
		await expect.poll(() => decisionsIn(participant.store.allRecords()).length, { timeout: SYNC_TIMEOUT_MS }).toBe(2)
		const inRoom = decisionsIn(participant.store.allRecords())
		expect(decisionInForce(inRoom, OTHERS_THREAT_ID)).toMatchObject({ id: accept.id, onBehalfOf: 'Paula', decidedByName: 'Fay' })
		expect(inRoom.find((decision) => decision.id === mitigate.id)).toMatchObject({
			decidedBy: await userIdFor('pol'),
			decidedByName: 'Pol',
			onBehalfOf: '',
		})

		await expect.poll(() => decisionsIn(lastSavedRecords(session)).length, { timeout: SYNC_TIMEOUT_MS }).toBe(2)
		const saved = session.saves.at(-1)
		if (!saved) throw new Error('nothing saved')
		const { id } = await createSession({ name: 'Decisions', description: '', framework: 'STRIDE' })
		await saveCanvas(id, saved)
		const details = await getSessionDetails(id)
		if (!details) throw new Error('no session')
		const [threat] = sessionRecordsView('STRIDE', details.elements, details.records).threats.filter((candidate) => candidate.id === OTHERS_THREAT_ID)
		expect(threat?.decisions.map((decision) => decision.kind)).toEqual(['mitigate', 'accept'])
		expect(threat?.decision).toMatchObject({ id: accept.id, onBehalfOf: 'Paula' })
		expect(rejectionsOf(productOwner)).toEqual([])
		expect(rejectionsOf(facilitator)).toEqual([])
	})
})

describe('an ended session', () => {
	it("refuses a participant's drawing and threat with the ended reason until the facilitator reopens it", async () => {
		const { session, facilitator, participant } = await openSession('end-reopen')
		const end = fixtureSessionEvent({ id: 'session-event:end' as SessionEventId })
		facilitator.store.put([end])
		await expect.poll(() => has(participant, end.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)

		const drawn = dfdShape('dfd-process', PAGE, { name: 'Drawn after the end' })
		const threat = fixtureThreat({ id: 'threat:late' as ThreatId, title: 'Too late' })
		participant.store.put([drawn])
		participant.store.put([threat])
		await expect
			.poll(() => rejectionsOf(participant).map((rejection) => [rejection.recordId, rejection.reason]), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([
				[drawn.id, REJECTION_REASON.sessionEnded],
				[threat.id, REJECTION_REASON.sessionEnded],
			])
		await expect.poll(() => has(participant, drawn.id) || has(participant, threat.id), { timeout: SYNC_TIMEOUT_MS }).toBe(false)
		expect(has(facilitator, drawn.id) || has(facilitator, threat.id)).toBe(false)

		const reopen = fixtureSessionEvent({ id: 'session-event:reopen' as SessionEventId, action: 'reopen', nextSessionDate: '' })
		facilitator.store.put([reopen])
		await expect.poll(() => has(participant, reopen.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		const redrawn = dfdShape('dfd-process', PAGE, { name: 'Drawn after the reopen' })
		participant.store.put([redrawn])
		await expect.poll(() => has(facilitator, redrawn.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === redrawn.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		const events = lastSavedRecords(session).filter((record): record is SessionEventRecord => record.typeName === 'session-event')
		expect(events.map((event) => event.action).sort()).toEqual(['end', 'reopen'])
	})

	it('opens read-only after a restart of the room: the loaded history says it has ended', async () => {
		const session = harness.app.addSession('loaded-ended', { 'tok-part': 'participant' })
		const ended = fixtureSessionEvent({ at: Date.now() - 60_000, by: 'fay', byName: 'Fay' })
		session.canvas = seededCanvas(await userIdFor('pat'), [ended])
		const participant = harness.connect('loaded-ended', 'tok-part', 'Pat', 'pat')
		await loaded(participant)

		const drawn = dfdShape('dfd-process', PAGE)
		participant.store.put([drawn])
		await expect
			.poll(() => rejectionsOf(participant).map((rejection) => rejection.reason), { timeout: SYNC_TIMEOUT_MS })
			.toEqual([REJECTION_REASON.sessionEnded])
		await expect.poll(() => has(participant, drawn.id), { timeout: SYNC_TIMEOUT_MS }).toBe(false)
	})

	it('stays open when the push that ended it was rolled back because another record in it was invalid', async () => {
		const { session, facilitator, participant } = await openSession('end-rolled-back')
		const end = fixtureSessionEvent({ id: 'session-event:rolled-back' as SessionEventId })
		// A browser validates before it pushes, so the room's all-or-nothing rollback is provoked by
		// hand: one push with a valid end, then a patch no validator accepts.
		const closed = await rawPush('end-rolled-back', 'tok-fac', {
			[end.id]: ['put', end],
			[OTHERS_THREAT_ID]: ['patch', { likelihood: ['put', 9] }],
		})
		expect(closed).toEqual({ code: 4099, reason: 'INVALID_RECORD' })

		const drawn = dfdShape('dfd-process', PAGE, { name: 'Drawn after the failed end' })
		participant.store.put([drawn])
		await expect.poll(() => has(facilitator, drawn.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(rejectionsOf(participant)).toEqual([])
		expect(has(facilitator, end.id)).toBe(false)
		await expect.poll(() => lastSavedRecords(session).some((record) => record.id === drawn.id), { timeout: SYNC_TIMEOUT_MS }).toBe(true)
		expect(lastSavedRecords(session).some((record) => record.id === end.id)).toBe(false)
	})
})

/** Joins with tldraw's handshake on a bare socket, sends one push, and resolves with how the room closed it. */
function rawPush(sessionId: string, token: string, diff: Record<string, unknown>): Promise<{ code: number; reason: string }> {
	const socket = new WebSocket(`ws://127.0.0.1:${harness.port}/party/${sessionId}?token=${token}`)
	return new Promise((resolve, reject) => {
		socket.on('open', () => {
			const connect = {
				type: 'connect',
				connectRequestId: 'raw',
				lastServerClock: 0,
				protocolVersion: getTlsyncProtocolVersion(),
				schema: threatroomSchema.serialize(),
			}
			socket.send(JSON.stringify(connect))
		})
		let pushed = false
		socket.on('message', () => {
			// The room's first answer is its 'connect': from then on it takes pushes.
			if (pushed) return
			pushed = true
			socket.send(JSON.stringify({ type: 'push', clientClock: 1, diff }))
		})
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
		socket.on('error', reject)
	})
}
