import { describe, expect, it } from 'vitest'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { createSessionResponse, joinResponse, sessionSummary } from '@/lib/api/sessionSchemas'
import { followUpResponse } from '@/lib/api/derivedSessionSchemas'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { sessionModelSchema } from '@/lib/reports'
import { fixtureSessionEvent, fixtureThreat } from '@/fixtures/workshopRecords'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { GET as exportSession } from './[id]/export/route'
import { POST as followUp } from './[id]/follow-up/route'
import { POST as join } from './[id]/join/route'
import { PATCH } from './[id]/route'
import { POST as create } from './route'

// Project prefixes through the API: set at creation, changed by the facilitator, kept by a
// follow-up that counts the session on, and composed into the exported threat IDs.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const JSON_HEADERS = { 'content-type': 'application/json', host: 'localhost:3000' }
const context = (id: string) => ({ params: Promise.resolve({ id }) })
const tokenOf = (url: string) => new URL(url).hash.slice(1)

async function createWith(body: unknown) {
	return create(new Request(`${ORIGIN}/api/sessions`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }))
}

async function created(body: unknown) {
	const response = await createWith(body)
	expect(response.status, await response.clone().text()).toBe(201)
	return createSessionResponse.parse(await response.json())
}

function patch(id: string, token: string, body: unknown) {
	return PATCH(
		new Request(`${ORIGIN}/api/sessions/${id}`, {
			method: 'PATCH',
			headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
			body: JSON.stringify(body),
		}),
		context(id),
	)
}

async function exportedJson(id: string, token: string) {
	const response = await exportSession(
		new Request(`${ORIGIN}/api/sessions/${id}/export?format=json`, { headers: { authorization: `Bearer ${token}` } }),
		context(id),
	)
	expect(response.status).toBe(200)
	return sessionModelSchema.parse(JSON.parse(await response.text()))
}

describe('project prefixes', () => {
	it('are set at creation, shown to every link holder, and absent by default', async () => {
		const pay = await created({ name: 'Payments', projectPrefix: 'PAY' })
		expect(await findSession(pay.id)).toMatchObject({ projectPrefix: 'PAY', sessionNumber: 1 })
		const joined = await join(
			new Request(`${ORIGIN}/api/sessions/${pay.id}/join`, {
				method: 'POST',
				headers: JSON_HEADERS,
				body: JSON.stringify({ token: tokenOf(pay.participantUrl) }),
			}),
			context(pay.id),
		)
		expect(joinResponse.parse(await joined.json()).session).toMatchObject({ projectPrefix: 'PAY', sessionNumber: 1 })
		const plain = await created({ name: 'Plain' })
		expect(await findSession(plain.id)).toMatchObject({ projectPrefix: null, sessionNumber: 1 })
	})

	it('are refused unless 2 to 10 capitals and digits starting with a letter', async () => {
		for (const projectPrefix of ['pay', 'P', '9PAY', 'PAY.1', 'ABCDEFGHIJK']) {
			const response = await createWith({ name: 'Payments', projectPrefix })
			expect(response.status).toBe(400)
			expect(await response.json()).toMatchObject({ issues: [{ path: 'projectPrefix' }] })
		}
	})

	it('are changed and cleared by the facilitator only', async () => {
		const session = await created({ name: 'Payments' })
		const facilitator = tokenOf(session.facilitatorUrl)
		const changed = await patch(session.id, facilitator, { projectPrefix: 'CARD' })
		expect(changed.status).toBe(200)
		expect(sessionSummary.parse(await changed.json())).toMatchObject({ projectPrefix: 'CARD', sessionNumber: 1 })
		expect((await patch(session.id, tokenOf(session.participantUrl), { projectPrefix: 'PAY' })).status).toBe(403)
		expect((await patch(session.id, facilitator, { projectPrefix: 'pay' })).status).toBe(400)
		expect(await findSession(session.id)).toMatchObject({ projectPrefix: 'CARD' })
		expect((await patch(session.id, facilitator, { projectPrefix: null })).status).toBe(200)
		expect(await findSession(session.id)).toMatchObject({ projectPrefix: null })
	})

	it('compose the exported threat IDs, and a follow-up keeps the prefix and counts on: S01, S02, S03', async () => {
		let session = await created({ name: 'Payments', projectPrefix: 'PAY' })
		const threat = fixtureThreat({ id: 'threat:t1' as ThreatId, humanId: 'T-001', createdAt: 1 })
		await saveCanvas(session.id, { snapshot: { ...roomSnapshotOf([threat], 1) }, clock: 1, humanIdCounters: { T: 1 }, elements: [] })
		expect((await exportedJson(session.id, tokenOf(session.facilitatorUrl))).threats.map((t) => t.humanId)).toEqual(['PAY.S01.T-001'])

		for (const expected of ['PAY.S02.T-001', 'PAY.S03.T-001']) {
			const end = fixtureSessionEvent({ at: Date.now(), by: 'fay', byName: 'Fay' })
			await saveCanvas(session.id, { snapshot: { ...roomSnapshotOf([threat, end], 2) }, clock: 2, humanIdCounters: { T: 1 }, elements: [] })
			const response = await followUp(
				new Request(`${ORIGIN}/api/sessions/${session.id}/follow-up`, {
					method: 'POST',
					headers: { authorization: `Bearer ${tokenOf(session.facilitatorUrl)}` },
				}),
				context(session.id),
			)
			expect(response.status, await response.clone().text()).toBe(201)
			const next = followUpResponse.parse(await response.json())
			const model = await exportedJson(next.id, tokenOf(next.facilitatorUrl))
			expect(model.session).toMatchObject({ projectPrefix: 'PAY', previousSessionId: session.id })
			expect(model.threats.map((t) => t.humanId)).toEqual([expected])
			session = next
		}
		expect(await findSession(session.id)).toMatchObject({ sessionNumber: 3 })
	})
})
