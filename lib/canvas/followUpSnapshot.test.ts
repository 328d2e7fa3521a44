import type { RecordId } from '@tldraw/store'
import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ATTACK_TREES_COUNTER } from '@/lib/session/authorizeWorkshopNotebook'
import { newAttackGoal, newAttackStep, newParkedQuestion, resolvedQuestion, savedNote } from '@/lib/session/notebookFactories'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { ParkedQuestionId } from '@/lib/session/records/parkedQuestionRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { fixtureNaMark, fixturePhaseEvent, fixtureScopeItem, fixtureThreat, fixtureTimerEvent, fixtureVote, fixtureWalk } from '@/fixtures/workshopRecords'
import { arrowBinding, dfdShape, flowArrow, pageRecord } from '../../tests/support/canvasRecords'
import { metadataEntry, reviewEvent } from '@/lib/session/metadataFactories'
import { followUpSnapshot } from './followUpSnapshot'
import { validateRecords } from './roomSnapshot'

const page = pageRecord('main', 'Checkout')
const onPage = page.id as TLParentId
const api = dfdShape('dfd-process', onPage, { humanId: 'P1' })
const db = dfdShape('dfd-store', onPage, { humanId: 'DS1' })
const flow = flowArrow(onPage, 'Orders', { humanId: 'DF1' })
const bindings = [arrowBinding(flow.id, api.id, 'start'), arrowBinding(flow.id, db.id, 'end')]

const threat = (n: number, fields: Parameters<typeof fixtureThreat>[0]) =>
	fixtureThreat({ id: `threat:t${n}` as ThreatId, humanId: `T-00${n}`, shapeId: api.id, ...fields })
const open = threat(1, { status: 'Open' })
const deferred = threat(2, { status: 'Deferred' })
const resolved = threat(3, { status: 'Resolved' })
const accepted = threat(4, { status: 'Accepted' })
const withdrawn = threat(5, { status: 'Open', isDeleted: true })

function decision(id: string, threatId: ThreatId): DecisionRecord {
	return {
		id: `decision:${id}` as RecordId<DecisionRecord>,
		typeName: 'decision',
		threatId,
		kind: 'defer',
		rationale: 'Next quarter',
		mitigation: '',
		owner: '',
		dueDate: '',
		issueUrl: '',
		reviewDate: '',
		deferUntil: '2025-09-01',
		transferTo: '',
		onBehalfOf: '',
		decidedBy: 'pat',
		decidedByName: 'Pat',
		decidedAt: 10,
	}
}

const RECORDS: TLRecord[] = [
	page,
	api,
	db,
	flow,
	...bindings,
	open,
	deferred,
	resolved,
	accepted,
	withdrawn,
	decision('d1', deferred.id),
	decision('d2', accepted.id),
	fixtureVote(open.id, 'pat'),
	fixtureNaMark(db.id, 'R'),
	fixtureScopeItem({ humanId: 'A1' }),
	fixtureWalk({ focusShapeId: api.id, phaseMinutes: { scope: 10, diagram: 20, analyse: 40, decide: 15 } }),
	fixturePhaseEvent(),
	fixtureTimerEvent(),
]

describe('followUpSnapshot', () => {
	const canvas = followUpSnapshot(RECORDS, { P: 4, DS: 1, DF: 1, T: 5, A: 1 })
	const kept = canvas.snapshot.documents.map(({ state }) => state)
	const ids = kept.map((record) => record.id)

	it('carries the diagram and the scope over as they are', () => {
		for (const record of [page, api, db, flow, ...bindings, fixtureScopeItem({ humanId: 'A1' })]) expect(kept).toContainEqual(record)
		expect(canvas.elements.map((element) => element.humanId).sort()).toEqual(['DF1', 'DS1', 'P1'])
	})

	it('carries the threats still open (Deferred included) with their decisions, and nothing closed or withdrawn', () => {
		expect(ids.filter((id) => id.startsWith('threat:')).sort()).toEqual([open.id, deferred.id])
		expect(ids.filter((id) => id.startsWith('decision:'))).toEqual(['decision:d1'])
	})

	it('starts without votes, n/a marks, phase and timer events, and with no element in focus', () => {
		for (const typeName of ['vote', 'na-mark', 'phase-event', 'timer-event']) {
			expect(
				kept.some((record) => record.typeName === typeName),
				typeName,
			).toBe(false)
		}
		expect(kept.find((record) => record.typeName === 'walk')).toMatchObject({ focusShapeId: null, phaseMinutes: { analyse: 40 } })
	})

	it('keeps counting from the ended session, so no human ID is handed out twice', () => {
		expect(canvas.humanIdCounters).toEqual({ P: 4, DS: 1, DF: 1, T: 5, A: 1 })
	})

	it('builds a snapshot of valid records as a fresh room at clock 0', () => {
		expect(validateRecords(kept)).toEqual([])
		expect(canvas.snapshot).toMatchObject({ clock: 0, documentClock: 0 })
		expect(canvas.snapshot.documents.every((document) => document.lastChangedClock === 0)).toBe(true)
	})
})

describe('followUpSnapshot of the notebook', () => {
	const stamp = { createdBy: 'pat', createdByName: 'Pat', createdAt: 5 }
	const onOpen = { ...newAttackGoal('Crack the hashes', open.id, () => 'g-open'), ...stamp }
	const onResolved = { ...newAttackGoal('Read the cards', resolved.id, () => 'g-resolved'), ...stamp }
	const modelLevel = { ...newAttackGoal('Take over the shop', null, () => 'g-model'), ...stamp }
	const steps = [newAttackStep(onOpen, 'Get the backup', 1, () => 's-open'), newAttackStep(onResolved, 'Skim', 1, () => 's-resolved')]
	const parked = { ...newParkedQuestion('What if the PSP is down?', api.id, () => 'q-open'), askedBy: 'pat', askedByName: 'Pat', askedAt: 5 }
	const dismissed = resolvedQuestion(
		{ ...parked, id: 'parked-question:q-done' as ParkedQuestionId },
		{ resolution: 'dismissed', resolvedTo: null, reason: 'Out of scope' },
		{ userId: 'fay', name: 'Fay', role: 'facilitator' },
		6,
	)
	const note = savedNote(undefined, api.id, { markdown: '# API', includeInReport: true }, { userId: 'pat', name: 'Pat', role: 'participant' }, 7)
	const canvas = followUpSnapshot([...RECORDS, onOpen, onResolved, modelLevel, ...steps, parked, dismissed, note], { [ATTACK_TREES_COUNTER]: 3 })
	const ids = canvas.snapshot.documents.map((document) => document.state.id)

	it('carries the notes, the questions still parked, and the trees of model-level goals and carried threats', () => {
		expect(ids).toEqual(expect.arrayContaining([onOpen.id, modelLevel.id, 'attack-node:s-open', parked.id, note.id]))
		expect(ids).not.toContain(onResolved.id)
		expect(ids).not.toContain('attack-node:s-resolved')
		expect(ids).not.toContain(dismissed.id)
		expect(validateRecords(canvas.snapshot.documents.map((document) => document.state))).toEqual([])
	})

	it('keeps the notebook counters, so the size limits still hold', () => {
		expect(canvas.humanIdCounters).toMatchObject({ [ATTACK_TREES_COUNTER]: 3 })
	})
})

describe('followUpSnapshot: metadata and review status', () => {
	const tags = [
		{ ...metadataEntry('session', 'compliance', 'PCI'), createdBy: 'fay', createdAt: 1 },
		{ ...metadataEntry(api.id, 'env', 'prod'), createdBy: 'pat', createdAt: 2 },
		{ ...metadataEntry(open.id, 'owner', 'payments'), createdBy: 'pat', createdAt: 3 },
		{ ...metadataEntry(resolved.id, 'owner', 'payments'), createdBy: 'pat', createdAt: 4 },
	]
	const review = { ...reviewEvent('approved', () => 'r1'), seq: 1, at: 5, by: 'fay', byName: 'Fay' }
	const canvas = followUpSnapshot([...RECORDS, ...tags, review], {})
	const kept = canvas.snapshot.documents.map(({ state }) => state)

	it('carries the metadata of the session, the elements and the carried threats; the review starts anew', () => {
		const ids = kept.map((record) => record.id)
		expect(ids).toEqual(expect.arrayContaining(tags.slice(0, 3).map((tag) => tag.id)))
		expect(ids).not.toContain(tags[3]?.id)
		expect(ids).not.toContain(review.id)
		expect(validateRecords(kept)).toEqual([])
	})
})
