import type { RecordId } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { roomRecordsFromInput } from '@/tests/fixtures/roomRecords'
import { extractElements } from '@/lib/dfd/extractElements'
import { allocatorFor } from '@/lib/dfd/humanIds'
import { loadCanvas, saveCanvas } from '@/lib/db/canvasRepo'
import { count } from 'drizzle-orm'
import { getDb } from '@/lib/db/client'
import { sessions } from '@/lib/db/schema'
import { getSessionDetails } from '@/lib/db/sessionDetailsRepo'
import { createSession, findSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { sessionModelSchema } from '@/lib/reports'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import type { SessionEventRecord } from '@/lib/session/records/sessionEventRecord'
import { sessionLinkParts } from '@/lib/api/rememberedSessions'
import { fixturePhaseEvent } from '@/fixtures/workshopRecords'
import { GET as exportSession } from '../export/route'
import { followUpName, followUpResponse } from '@/lib/api/derivedSessionSchemas'
import { POST } from './route'

// An ended workshop (the web shop of the report tests) and the follow-up started from it.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const ENDED_AT = Date.parse('2025-03-01T10:05:00Z')

const END: SessionEventRecord = {
	id: 'session-event:end1' as RecordId<SessionEventRecord>,
	typeName: 'session-event',
	action: 'end',
	nextSessionDate: '2025-04-01',
	at: ENDED_AT,
	by: 'fay',
	byName: 'Fay',
}

async function seed(ended: boolean) {
	const created = await createSession({ name: 'Web shop checkout', description: 'Checkout and fulfilment', framework: 'STRIDE' })
	const records: TLRecord[] = [...roomRecordsFromInput(WEB_SHOP_INPUT), fixturePhaseEvent({ by: 'fay', byName: 'Fay' }), ...(ended ? [END] : [])]
	// A counter past anything on the canvas: the follow-up must not hand T-011 out again.
	const humanIdCounters = { ...allocatorFor(records).toJSON(), T: 11 }
	await saveCanvas(created.id, {
		snapshot: { ...roomSnapshotOf(records, 9) },
		clock: 9,
		humanIdCounters,
		elements: extractElements({ documents: records.map((state) => ({ state })) }),
	})
	return created
}

function post(id: string, token: string | null): Promise<Response> {
	const headers: HeadersInit = token === null ? {} : { authorization: `Bearer ${token}` }
	return POST(new Request(`${ORIGIN}/api/sessions/${id}/follow-up`, { method: 'POST', headers }), { params: Promise.resolve({ id }) })
}

async function exportedJson(id: string, token: string) {
	const request = new Request(`${ORIGIN}/api/sessions/${id}/export?format=json`, { headers: { authorization: `Bearer ${token}` } })
	const response = await exportSession(request, { params: Promise.resolve({ id }) })
	expect(response.status).toBe(200)
	return sessionModelSchema.parse(JSON.parse(await response.text()))
}

async function followUp() {
	const ended = await seed(true)
	const response = await post(ended.id, ended.tokens.facilitator)
	expect(response.status, await response.clone().text()).toBe(201)
	const body = followUpResponse.parse(await response.json())
	const token = sessionLinkParts(body.facilitatorUrl)?.token ?? ''
	return { ended, body, token }
}

describe('POST /api/sessions/:id/follow-up', () => {
	it('answers 409 while the session has not ended, and creates nothing', async () => {
		const active = await seed(false)
		const db = await getDb()
		const sessionCount = async () => (await db.select({ n: count() }).from(sessions).get())?.n
		const before = await sessionCount()
		const response = await post(active.id, active.tokens.facilitator)
		expect(response.status).toBe(409)
		expect(await response.json()).toEqual({ error: 'End the session before starting its follow-up' })
		expect(await sessionCount()).toBe(before)
	})

	it('is the facilitator’s: 401 without a token, 403 for any other role, 404 for an unknown session', async () => {
		const ended = await seed(true)
		expect((await post(ended.id, null)).status).toBe(401)
		for (const token of [ended.tokens.participant, ended.tokens.productOwner, ended.tokens.observer]) expect((await post(ended.id, token)).status).toBe(403)
		expect((await post('nosuchsession', ended.tokens.facilitator)).status).toBe(404)
	})

	it('creates a new active session with the same name, scope text and framework, linked to the ended one', async () => {
		const { ended, body } = await followUp()
		expect(body).toMatchObject({ previousSessionId: ended.id, facilitatorUrl: expect.stringContaining(`/s/${body.id}#`) })
		expect(await findSession(body.id)).toMatchObject({
			name: 'Web shop checkout (follow-up)',
			description: 'Checkout and fulfilment',
			framework: 'STRIDE',
			status: 'active',
			previousSessionId: ended.id,
		})
	})

	it('carries the diagram, the scope and the open threats with their decisions; no votes, marks or events', async () => {
		const { body } = await followUp()
		const details = await getSessionDetails(body.id)
		expect(details?.elements.map((element) => element.humanId).sort()).toEqual(
			WEB_SHOP_INPUT.elements
				.filter((element) => element.humanId)
				.map((element) => element.humanId)
				.sort(),
		)
		// Open, Mitigation In Progress, Deferred and Verification Pending stay; resolved, accepted, false positive, closed and deleted go.
		expect(details?.records.threats.map((threat) => threat.humanId)).toEqual(['T-002', 'T-003', 'T-006', 'T-007'])
		expect(details?.records.decisions.map((decision) => decision.id).sort()).toEqual(['decision:d2', 'decision:d6', 'decision:d7'])
		expect(details?.records.scopeItems).toHaveLength(WEB_SHOP_INPUT.scopeItems.length)
		expect(details?.records).toMatchObject({ votes: [], naMarks: [], phaseEvents: [], timerEvents: [], sessionEvents: [] })
	})

	it('keeps counting from the ended session, so no human ID is handed out again', async () => {
		const { body } = await followUp()
		expect((await loadCanvas(body.id))?.humanIdCounters).toMatchObject({ T: 11, P: 2, DF: 7 })
	})

	it('gives the follow-up a report of what changed since the ended session', async () => {
		const { ended, body, token } = await followUp()
		const model = await exportedJson(body.id, token)
		expect(model.session.previousSessionId).toBe(ended.id)
		expect(model.changesSince).toMatchObject({
			previousSession: { id: ended.id, name: 'Web shop checkout', endedAt: new Date(ENDED_AT).toISOString() },
			threats: { new: [], closed: [], reRated: [], decided: [] },
			elements: { added: [], removed: [] },
		})
	})
})

describe('followUpName', () => {
	it('adds the suffix once, within the name’s limit', () => {
		expect(followUpName('Payments')).toBe('Payments (follow-up)')
		expect(followUpName('Payments (follow-up)')).toBe('Payments (follow-up)')
		expect(followUpName('x'.repeat(256))).toHaveLength(256)
	})
})
