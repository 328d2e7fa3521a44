import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { INTERNAL_SECRET_HEADER, type SaveCanvasBody } from '@/lib/api/internalSchemas'
import { sessionDetailsResponse } from '@/lib/api/sessionSchemas'
import { getDb } from '@/lib/db/client'
import { decisions, sessions } from '@/lib/db/schema'
import { createSession } from '@/lib/db/sessionsRepo'
import { TEST_INTERNAL_SECRET, useTemporaryDatabase } from '@/tests/fixtures/database'
import type { DecisionId } from '@/lib/session/records/decisionRecord'
import type { SessionEventId } from '@/lib/session/records/sessionEventRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureDecision, fixtureSessionEvent, fixtureThreat } from '@/fixtures/workshopRecords'
import { PUT as putCanvas } from '../internal/sessions/[id]/canvas/route'
import { GET as getSession } from './[id]/route'

// Decisions and the session's ends and reopens as the app keeps them: rows only ever added, a
// threat's history in the facilitator's view, and the session's status following its events.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const THREAT = fixtureThreat({ humanId: 'T-001', createdAt: 1_000 })
const MITIGATE = fixtureDecision({ id: 'decision:first' as DecisionId, decidedBy: 'pol', decidedByName: 'Pol', decidedAt: 2_000 })
const ACCEPT = fixtureDecision({
	id: 'decision:second' as DecisionId,
	kind: 'accept',
	mitigation: '',
	owner: '',
	dueDate: '',
	rationale: 'The fix costs more than the loss',
	reviewDate: '2026-09-30',
	onBehalfOf: 'Paula',
	decidedBy: 'fay',
	decidedByName: 'Fay',
	decidedAt: 3_000,
})
const ORPHAN = fixtureDecision({ id: 'decision:orphan' as DecisionId, threatId: 'threat:gone' as ThreatId, decidedAt: 2_500 })
const END = fixtureSessionEvent({
	id: 'session-event:end' as SessionEventId,
	nextSessionDate: '2026-04-15',
	at: 4_000,
	by: 'fay',
	byName: 'Fay',
})
const REOPEN = fixtureSessionEvent({ id: 'session-event:reopen' as SessionEventId, action: 'reopen', nextSessionDate: '', at: 5_000 })

const context = (id: string) => ({ params: Promise.resolve({ id }) })

function save(clock: number, records: unknown[]): SaveCanvasBody {
	return {
		snapshot: {
			...DEFAULT_INITIAL_SNAPSHOT,
			documentClock: clock,
			documents: [...DEFAULT_INITIAL_SNAPSHOT.documents, ...records.map((state) => ({ state, lastChangedClock: clock }))],
		},
		clock,
		humanIdCounters: { T: 1 },
		elements: [],
	}
}

async function put(id: string, body: SaveCanvasBody): Promise<void> {
	const request = new Request(`${ORIGIN}/api/internal/sessions/${id}/canvas`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: TEST_INTERNAL_SECRET },
		body: JSON.stringify(body),
	})
	expect((await putCanvas(request, context(id))).status).toBe(200)
}

async function details(id: string, token: string) {
	const request = new Request(`${ORIGIN}/api/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } })
	return sessionDetailsResponse.parse(await (await getSession(request, context(id))).json())
}

describe('decisions through the API', () => {
	it('gives each threat its decision history, oldest first, and the latest as the one in force', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(1, [THREAT, ACCEPT, MITIGATE, ORPHAN]))

		const [threat] = (await details(id, tokens.facilitator)).threats
		const { typeName: _, threatId: __, ...accepted } = ACCEPT
		expect(threat?.decisions.map((decision) => [decision.id, decision.kind, decision.onBehalfOf])).toEqual([
			['decision:first', 'mitigate', ''],
			['decision:second', 'accept', 'Paula'],
		])
		expect(threat?.decision).toEqual(accepted)
	})

	it('keeps every decision row when a later save lacks it, and says so in the log', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(1, [THREAT, MITIGATE]))
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
		try {
			await put(id, save(2, [THREAT, { ...MITIGATE, owner: 'Rewritten' }, ACCEPT]))
			await put(id, save(3, [THREAT]))
			expect(logged).toHaveBeenCalledWith(expect.stringContaining('lacks 2 decisions'))
		} finally {
			logged.mockRestore()
		}

		const { threats } = await details(id, tokens.facilitator)
		expect(threats[0]?.decisions.map((decision) => [decision.id, decision.owner])).toEqual([
			['decision:first', 'Payments team'],
			['decision:second', ''],
		])
		const rows = await (await getDb()).select().from(decisions).where(eq(decisions.sessionId, id)).all()
		expect(rows).toHaveLength(2)
	})
})

describe("the session's status", () => {
	it('follows the latest end or reopen of each save, with the end time and the next date', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(1, [END]))
		const ended = await details(id, tokens.facilitator)
		expect(ended.session).toMatchObject({ status: 'ended', endedAt: 4_000, nextSessionDate: '2026-04-15', previousSessionId: null })
		expect(ended.sessionEvents).toEqual([{ id: END.id, action: 'end', nextSessionDate: '2026-04-15', at: 4_000, by: 'fay', byName: 'Fay' }])

		await put(id, save(2, [END, REOPEN]))
		const reopened = await details(id, tokens.facilitator)
		expect(reopened.session).toMatchObject({ status: 'active', endedAt: null, nextSessionDate: '' })
		expect(reopened.sessionEvents.map((event) => event.action)).toEqual(['end', 'reopen'])
	})

	it('moves updated_at only when the status changes', async () => {
		const { id } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' }, 100)
		const db = await getDb()
		const updatedAt = async () => (await db.select({ at: sessions.updatedAt }).from(sessions).where(eq(sessions.id, id)).get())?.at
		await put(id, save(1, [THREAT]))
		expect(await updatedAt()).toBe(100)
		await put(id, save(2, [THREAT, END]))
		expect(await updatedAt()).toBeGreaterThan(100)
	})
})
