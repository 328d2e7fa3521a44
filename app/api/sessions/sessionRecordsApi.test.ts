import { DEFAULT_INITIAL_SNAPSHOT } from '@tldraw/sync-core'
import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { INTERNAL_SECRET_HEADER, type SaveCanvasBody } from '@/lib/api/internalSchemas'
import { sessionDetailsResponse } from '@/lib/api/sessionSchemas'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { createSession } from '@/lib/db/sessionsRepo'
import { TEST_INTERNAL_SECRET, useTemporaryDatabase } from '@/tests/fixtures/database'
import type { MitigationId } from '@/lib/session/records/mitigationRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import type { PhaseEventRecord } from '@/lib/session/records/walkRecords'
import {
	fixtureNaMark,
	fixturePhaseEvent,
	fixtureScopeItem,
	fixtureMitigation,
	fixtureThreat,
	fixtureTimerEvent,
	fixtureVote,
	fixtureWalk,
} from '@/fixtures/workshopRecords'
import { PUT as putCanvas } from '../internal/sessions/[id]/canvas/route'
import { GET as getSession } from './[id]/route'

// The walk's records as the room saves them (inside its snapshot) and as the facilitator reads
// them back: the projection the app makes, in libSQL, through both routes.

useTemporaryDatabase()

const ORIGIN = 'http://localhost:3000'
const CHECKOUT = 'shape:checkout' as TLShapeId
const ORDERS = 'shape:orders' as TLShapeId

function context(id: string) {
	return { params: Promise.resolve({ id }) }
}

function element(shapeId: string, humanId: string, kind: DfdElement['kind']): DfdElement {
	return {
		shapeId,
		humanId,
		kind,
		name: humanId,
		description: '',
		outOfScope: false,
		reasonOutOfScope: '',
		properties: {},
		pageId: 'page:page',
		sourceShapeId: null,
		targetShapeId: null,
	}
}

const ELEMENTS = [element(CHECKOUT, 'P1', 'process'), element(ORDERS, 'DS1', 'store')]

const THREAT = fixtureThreat({
	humanId: 'T-001',
	shapeId: CHECKOUT,
	categories: ['S', 'T'],
	likelihood: 3,
	impact: 4,
	agreedLikelihood: 2,
	createdBy: 'pat',
	createdByName: 'Pat',
	createdAt: 1_000,
})
/** Two mitigations of THREAT: the open one speaks for its owner and due date in the old columns. */
const MITIGATIONS = [
	fixtureMitigation({
		id: 'mitigation:m1' as MitigationId,
		humanId: 'M-001',
		threatIds: [THREAT.id],
		status: 'inPlace',
		owner: 'Ops',
		createdBy: 'pat',
		createdAt: 2_000,
	}),
	fixtureMitigation({
		id: 'mitigation:m2' as MitigationId,
		humanId: 'M-002',
		threatIds: [THREAT.id],
		title: 'Rotate the key yearly',
		owner: 'Identity team',
		dueDate: '2026-06-30',
		createdBy: 'fay',
		createdAt: 2_100,
	}),
]

const WITHDRAWN = fixtureThreat({
	id: 'threat:t2' as ThreatId,
	humanId: 'T-002',
	shapeId: CHECKOUT,
	categories: ['E'],
	isDeleted: true,
	createdAt: 2_000,
})
const VOTES = [
	fixtureVote(THREAT.id, 'pat', { voterName: 'Pat', likelihood: 2, impact: 5, votedAt: 3_000 }),
	fixtureVote(THREAT.id, 'fay', { voterName: 'Fay', likelihood: 3, impact: 3, votedAt: 3_100 }),
]
const NA_MARK = fixtureNaMark(CHECKOUT, 'R', { markedBy: 'fay', markedByName: 'Fay', markedAt: 4_000 })
const SCOPE_ITEM = fixtureScopeItem({ humanId: 'A1', createdAt: 500 })
const WALK = fixtureWalk({ focusShapeId: CHECKOUT })
const PHASES = [
	fixturePhaseEvent({ id: 'phase-event:p1' as PhaseEventRecord['id'], phase: 'diagram', at: 600, by: 'fay', byName: 'Fay' }),
	fixturePhaseEvent({ id: 'phase-event:p2' as PhaseEventRecord['id'], phase: 'analyse', at: 900, by: 'fay', byName: 'Fay' }),
]
const TIMER = fixtureTimerEvent({ phase: 'analyse', action: 'extend', amountMs: 300_000, at: 950, by: 'fay', byName: 'Fay' })

function save(clock: number, records: unknown[]): SaveCanvasBody {
	return {
		snapshot: {
			...DEFAULT_INITIAL_SNAPSHOT,
			documentClock: clock,
			documents: [...DEFAULT_INITIAL_SNAPSHOT.documents, ...records.map((state) => ({ state, lastChangedClock: clock }))],
		},
		clock,
		humanIdCounters: { P: 1, DS: 1, T: 2, A: 1 },
		elements: ELEMENTS,
	}
}

function put(id: string, body: SaveCanvasBody): Promise<Response> {
	const request = new Request(`${ORIGIN}/api/internal/sessions/${id}/canvas`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: TEST_INTERNAL_SECRET },
		body: JSON.stringify(body),
	})
	return putCanvas(request, context(id))
}

async function details(id: string, token: string) {
	const request = new Request(`${ORIGIN}/api/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } })
	const response = await getSession(request, context(id))
	expect(response.status).toBe(200)
	return sessionDetailsResponse.parse(await response.json())
}

describe('the workshop records through the API', () => {
	it('saves threats, votes, n/a marks, scope, walk and events with the canvas, and gives them to the facilitator', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		const saved = await put(id, save(7, [THREAT, WITHDRAWN, ...MITIGATIONS, ...VOTES, NA_MARK, SCOPE_ITEM, WALK, ...PHASES, TIMER]))
		expect(await saved.json()).toEqual({ saved: true, clock: 7 })

		const body = await details(id, tokens.facilitator)
		const { typeName: _, ...threatFields } = THREAT
		expect(body.threats).toEqual([
			{
				...threatFields,
				mitigation: 'Bind the session cookie to the device; Rotate the key yearly',
				owner: 'Identity team',
				dueDate: '2026-06-30',
				issueUrl: '',
				elementHumanId: 'P1',
				effectiveLikelihood: 2,
				effectiveImpact: 4,
				riskScore: 8,
				riskBand: 'Medium',
				votes: [
					{ id: VOTES[0]?.id, voterId: 'pat', voterName: 'Pat', likelihood: 2, impact: 5, votedAt: 3_000 },
					{ id: VOTES[1]?.id, voterId: 'fay', voterName: 'Fay', likelihood: 3, impact: 3, votedAt: 3_100 },
				],
				decisions: [],
				decision: null,
			},
			expect.objectContaining({
				id: WITHDRAWN.id,
				humanId: 'T-002',
				isDeleted: true,
				riskScore: 12,
				riskBand: 'High',
				votes: [],
				decision: null,
			}),
		])
		expect(body.naMarks).toEqual([
			{
				id: NA_MARK.id,
				shapeId: CHECKOUT,
				elementHumanId: 'P1',
				category: 'R',
				reason: NA_MARK.reason,
				markedBy: 'fay',
				markedByName: 'Fay',
				markedAt: 4_000,
			},
		])
		const { typeName: __, ...scopeFields } = SCOPE_ITEM
		expect(body.scopeItems).toEqual([scopeFields])
		expect(body.phaseEvents.map((event) => [event.phase, event.at, event.byName])).toEqual([
			['diagram', 600, 'Fay'],
			['analyse', 900, 'Fay'],
		])
		expect(body.timerEvents).toEqual([{ id: TIMER.id, phase: 'analyse', action: 'extend', amountMs: 300_000, at: 950, by: 'fay', byName: 'Fay' }])
		expect(body.walk).toEqual({ focusShapeId: CHECKOUT, phaseMinutes: WALK.phaseMinutes, phase: 'analyse', phaseStartedAt: 900 })
	})

	it('computes coverage from the live threats and the n/a marks, over the in-scope elements', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(3, [THREAT, WITHDRAWN, NA_MARK]))

		const { coverage } = await details(id, tokens.facilitator)
		// P1 has all six STRIDE categories, DS1 (not a log) T, I and D. The withdrawn threat's E does not count.
		expect(coverage).toEqual({
			covered: 3,
			applicable: 9,
			ratio: 3 / 9,
			empty: false,
			// In the order of the elements: by page, then human ID.
			perElement: [
				{ elementId: ORDERS, applicable: ['T', 'I', 'D'], covered: [], uncovered: ['T', 'I', 'D'] },
				{ elementId: CHECKOUT, applicable: ['S', 'T', 'R', 'I', 'D', 'E'], covered: ['S', 'T', 'R'], uncovered: ['I', 'D', 'E'] },
			],
		})
	})

	it('answers an empty walk for a session never saved', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'CIA' })
		const body = await details(id, tokens.facilitator)
		expect(body).toMatchObject({ threats: [], naMarks: [], scopeItems: [], phaseEvents: [], timerEvents: [], sessionEvents: [] })
		expect(body.session).toMatchObject({ status: 'active', endedAt: null, nextSessionDate: '', previousSessionId: null })
		expect(body.walk).toEqual({
			focusShapeId: null,
			phaseMinutes: { scope: 5, diagram: 15, analyse: 30, decide: 10 },
			phase: 'scope',
			phaseStartedAt: null,
		})
		expect(body.coverage).toMatchObject({ covered: 0, applicable: 0, ratio: 1, empty: true })
	})

	it('replaces the rows with a newer save and keeps them on an older one', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(5, [THREAT, ...VOTES, NA_MARK]))
		await put(id, save(6, [{ ...THREAT, title: 'Renamed' }]))
		const stale = await put(id, save(4, [WITHDRAWN]))
		expect(await stale.json()).toEqual({ saved: false, clock: 6 })

		const body = await details(id, tokens.facilitator)
		expect(body.threats.map((threat) => [threat.humanId, threat.title, threat.votes.length])).toEqual([['T-001', 'Renamed', 0]])
		expect(body.naMarks).toEqual([])
	})

	it('answers 400 for a record the room validator refuses, and stores nothing of that save', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		await put(id, save(1, [THREAT]))

		const response = await put(id, save(2, [{ ...THREAT, impact: 6 }, fixtureVote(THREAT.id, 'pat')]))
		expect(response.status).toBe(400)
		expect(await response.json()).toEqual({
			error: 'Invalid request',
			issues: [{ path: 'snapshot.documents.2.state', message: expect.stringContaining('impact') }],
		})
		expect((await details(id, tokens.facilitator)).threats.map((threat) => threat.impact)).toEqual([4])
	})

	it('stores thousands of records in one save', async () => {
		const { id, tokens } = await createSession({ name: 'Payments', description: '', framework: 'STRIDE' })
		const many = Array.from({ length: 1_200 }, (_, n) =>
			fixtureThreat({ id: `threat:n${n}` as ThreatId, humanId: `T-${String(n + 1).padStart(3, '0')}`, createdAt: n }),
		)
		expect((await put(id, save(1, many))).status).toBe(200)
		expect((await details(id, tokens.facilitator)).threats).toHaveLength(1_200)
	})
})
