import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { summariesResponse } from '@/lib/api/sessionListSchemas'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { roomRecordsFromInput } from '@/tests/fixtures/roomRecords'
import { extractElements } from '@/lib/dfd/extractElements'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { WEB_SHOP_INPUT } from '@/fixtures/sessionModel'
import { POST } from './route'

// "My sessions": the browser sends the links it kept, the app answers for those that still open something.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'

function post(body: unknown): Promise<Response> {
	return POST(new Request(`${ORIGIN}/api/sessions/summaries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
}

async function summaries(links: { id: string; token: string }[]) {
	const response = await post({ links })
	expect(response.status).toBe(200)
	expect(response.headers.get('cache-control')).toBe('no-store')
	return summariesResponse.parse(await response.json()).sessions
}

async function webShop() {
	const created = await createSession({ name: 'Web shop checkout', description: '', framework: 'STRIDE' }, 1_000)
	const records: TLRecord[] = roomRecordsFromInput(WEB_SHOP_INPUT)
	await saveCanvas(created.id, {
		snapshot: { ...roomSnapshotOf(records, 1) },
		clock: 1,
		humanIdCounters: {},
		elements: extractElements({ documents: records.map((state) => ({ state })) }),
	})
	return created
}

describe('POST /api/sessions/summaries', () => {
	it('answers each session a kept link opens, with its role, status, dates and counts', async () => {
		const shop = await webShop()
		const empty = await createSession({ name: 'Empty', description: '', framework: 'CIA', projectPrefix: 'PAY' }, 2_000)
		const list = await summaries([
			{ id: empty.id, token: empty.tokens.observer },
			{ id: shop.id, token: shop.tokens.participant },
		])
		expect(list).toEqual([
			{
				id: empty.id,
				name: 'Empty',
				framework: 'CIA',
				status: 'active',
				createdAt: 2_000,
				endedAt: null,
				previousSessionId: null,
				projectPrefix: 'PAY',
				sessionNumber: 1,
				role: 'observer',
				counts: { elements: 0, threats: 0, openThreats: 0, decided: 0 },
			},
			{
				id: shop.id,
				name: 'Web shop checkout',
				framework: 'STRIDE',
				status: 'active',
				createdAt: 1_000,
				endedAt: null,
				previousSessionId: null,
				projectPrefix: null,
				sessionNumber: 1,
				role: 'participant',
				// 22 DFD elements (the note is not one); 9 live threats (T-010 is deleted), 4 of them
				// open (Mitigation In Progress, Open, Deferred, Verification Pending); 7 with a decision.
				counts: { elements: 22, threats: 9, openThreats: 4, decided: 7 },
			},
		])
	})

	it('leaves out links that open nothing: unknown tokens, tokens of another session, unknown sessions', async () => {
		const a = await createSession({ name: 'A', description: '', framework: 'STRIDE' })
		const b = await createSession({ name: 'B', description: '', framework: 'STRIDE' })
		const list = await summaries([
			{ id: a.id, token: 'stale-token-nobody-has' },
			{ id: a.id, token: b.tokens.facilitator },
			{ id: 'gone', token: a.tokens.facilitator },
			{ id: b.id, token: b.tokens.observer },
		])
		expect(list.map((entry) => [entry.name, entry.role])).toEqual([['B', 'observer']])
	})

	it('lists a session kept under two links once, with the stronger role', async () => {
		const a = await createSession({ name: 'A', description: '', framework: 'STRIDE' })
		const list = await summaries([
			{ id: a.id, token: a.tokens.participant },
			{ id: a.id, token: a.tokens.facilitator },
		])
		expect(list.map((entry) => entry.role)).toEqual(['facilitator'])
	})

	it('answers an empty list for no links, and 400 for more than 50', async () => {
		expect(await summaries([])).toEqual([])
		const tooMany = Array.from({ length: 51 }, (_, n) => ({ id: `s${n}`, token: 't' }))
		const response = await post({ links: tooMany })
		expect(response.status).toBe(400)
		expect(await response.json()).toMatchObject({ error: 'Invalid request', issues: [{ path: 'links' }] })
	})
})
