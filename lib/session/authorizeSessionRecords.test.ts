import type { RecordId } from '@tldraw/store'
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../roles'
import { type RecordWrite, reportingRefusals } from './authorizeSessionRecords'
import { create, NOW, remove, type Session, sessionOf, setup, update } from '@/tests/fixtures/authorizer'
import { attendanceAfterJoin } from './attendance'
import type { MitigationId } from './records/mitigationRecord'
import { naMarkIdFor, type NaMarkRecord } from './records/naMarkRecord'
import type { ScopeItemId, ScopeItemKind, ScopeItemRecord } from './records/scopeItemRecord'
import type { ThreatId, ThreatRecord } from './records/threatRecord'
import { voteIdFor } from './records/voteRecord'
import { REJECTION_REASON as R, type RejectionReason } from './rejectionReasons'
import {
	FIXTURE_SHAPE_ID,
	fixtureDecision,
	fixtureMitigation,
	fixtureNaMark,
	fixturePhaseEvent,
	fixtureScopeItem,
	fixtureSessionEvent,
	fixtureThreat,
	fixtureTimerEvent,
	fixtureVote,
	fixtureWalk,
} from '@/fixtures/workshopRecords'

const OTHER_USER = 'someone-else'
const OTHER_SHAPE = 'shape:database' as TLShapeId

/** A threat already stamped by the room, written by `userId`. */
function storedThreat(userId: string, overrides: Partial<ThreatRecord> = {}): ThreatRecord {
	return fixtureThreat({ humanId: 'T-001', createdBy: userId, createdByName: userId, createdAt: NOW - 60_000, ...overrides })
}

const STORED_THREAT_ID = 'threat:t1' as ThreatId
const ownThreat = (session: Session, overrides: Partial<ThreatRecord> = {}) => storedThreat(session.meta.userId, overrides)
const othersThreat = (overrides: Partial<ThreatRecord> = {}) => storedThreat(OTHER_USER, overrides)
const ownVote = (session: Session) => fixtureVote(STORED_THREAT_ID, session.meta.userId, { voterName: session.meta.name, votedAt: NOW - 1_000 })
const othersVote = () => fixtureVote(STORED_THREAT_ID, OTHER_USER, { voterName: 'Someone', votedAt: NOW - 1_000 })
const storedNaMark = () => fixtureNaMark(FIXTURE_SHAPE_ID, 'S', { markedBy: 'fay', markedByName: 'Fay', markedAt: NOW - 1_000 })
const storedScopeItem = () => fixtureScopeItem({ humanId: 'A1', createdAt: NOW - 1_000 })
const storedDecision = () => fixtureDecision({ decidedBy: 'pol', decidedByName: 'Pol', decidedAt: NOW - 1_000 })
const storedMitigation = (createdBy: string) => fixtureMitigation({ humanId: 'M-001', createdBy, createdByName: createdBy, createdAt: NOW - 1_000 })
const PLANNERS = (reason: RejectionReason): RoleExpectations => ({ facilitator: 'allowed', participant: reason, productOwner: 'allowed', observer: R.observer })
const storedEnd = () => fixtureSessionEvent({ by: 'fay', byName: 'Fay', at: NOW - 1_000 })
const guest = (session: Session): TLRecord => {
	const entry = attendanceAfterJoin(undefined, session.meta, NOW - 1_000)
	if (!entry) throw new Error('a first join always writes an entry')
	return entry
}

type Expectation = 'allowed' | RejectionReason
type RoleExpectations = Record<Role, Expectation>

const CONTRIBUTORS: RoleExpectations = {
	facilitator: 'allowed',
	participant: 'allowed',
	productOwner: 'allowed',
	observer: R.observer,
}
const facilitatorOnly = (reason: RejectionReason, facilitator: Expectation = 'allowed'): RoleExpectations => ({
	facilitator,
	participant: reason,
	productOwner: reason,
	observer: R.observer,
})
const nobody = (reason: RejectionReason): RoleExpectations => facilitatorOnly(reason, reason)
const everyone = (reason: RejectionReason): RoleExpectations => ({ facilitator: reason, participant: reason, productOwner: reason, observer: reason })

interface MatrixCase {
	action: string
	write: (session: Session) => RecordWrite
	expected: RoleExpectations
}

const MATRIX: MatrixCase[] = [
	// Threats
	{ action: 'adds a threat', write: (s) => create(s, fixtureThreat()), expected: CONTRIBUTORS },
	{
		action: 'edits their own threat',
		write: (s) => update(s, ownThreat(s), ownThreat(s, { title: 'Edited', description: 'Rotate keys', status: 'Confirmed' })),
		expected: CONTRIBUTORS,
	},
	{
		action: 'soft-deletes their own threat',
		write: (s) => update(s, ownThreat(s), ownThreat(s, { isDeleted: true })),
		expected: CONTRIBUTORS,
	},
	{
		action: 'restores their own threat',
		write: (s) => update(s, ownThreat(s, { isDeleted: true }), ownThreat(s)),
		expected: CONTRIBUTORS,
	},
	{
		action: "edits someone else's threat",
		write: (s) => update(s, othersThreat(), othersThreat({ title: 'Edited' })),
		expected: facilitatorOnly(R.threatNotOwn),
	},
	{
		action: "soft-deletes someone else's threat",
		write: (s) => update(s, othersThreat(), othersThreat({ isDeleted: true })),
		expected: facilitatorOnly(R.threatNotOwn),
	},
	{ action: 'deletes a threat for good', write: (s) => remove(s, ownThreat(s)), expected: nobody(R.threatDelete) },
	{
		action: "sets the agreed values of someone else's threat",
		write: (s) => update(s, othersThreat(), othersThreat({ agreedLikelihood: 2, agreedImpact: 5 })),
		expected: facilitatorOnly(R.threatAgreed),
	},
	{
		action: 'sets the agreed values of their own threat',
		write: (s) => update(s, ownThreat(s), ownThreat(s, { agreedLikelihood: 2 })),
		expected: facilitatorOnly(R.threatAgreed),
	},
	{
		action: 'moves their own threat to another element',
		write: (s) => update(s, ownThreat(s), ownThreat(s, { shapeId: OTHER_SHAPE })),
		expected: facilitatorOnly(R.threatElement),
	},
	...(['humanId', 'createdBy', 'createdByName', 'createdAt'] as const).map(
		(field): MatrixCase => ({
			action: `rewrites the stamped ${field} of their own threat`,
			write: (s) => {
				const prev = ownThreat(s)
				const rewritten = { humanId: 'T-099', createdBy: OTHER_USER, createdByName: 'Someone', createdAt: 1 }[field]
				return update(s, prev, { ...prev, [field]: rewritten })
			},
			expected: nobody(R.threatStamped),
		}),
	),

	// Votes
	{ action: 'casts a vote', write: (s) => create(s, fixtureVote(STORED_THREAT_ID, s.meta.userId)), expected: CONTRIBUTORS },
	{
		action: "casts a vote under someone else's id",
		write: (s) => create(s, fixtureVote(STORED_THREAT_ID, OTHER_USER)),
		expected: nobody(R.voteId),
	},
	{
		action: 'casts a vote under an id that is not derived',
		write: (s) => create(s, { ...fixtureVote(STORED_THREAT_ID, s.meta.userId), id: voteIdFor('threat:t2' as ThreatId, s.meta.userId) }),
		expected: nobody(R.voteId),
	},
	{
		action: 'changes their vote',
		write: (s) => update(s, ownVote(s), { ...ownVote(s), likelihood: 5, impact: 1 }),
		expected: CONTRIBUTORS,
	},
	{
		action: "changes someone else's vote",
		write: (s) => update(s, othersVote(), { ...othersVote(), likelihood: 5 }),
		expected: nobody(R.voteNotOwn),
	},
	{ action: 'takes back their vote', write: (s) => remove(s, ownVote(s)), expected: CONTRIBUTORS },
	{ action: "takes back someone else's vote", write: (s) => remove(s, othersVote()), expected: nobody(R.voteNotOwn) },
	{
		action: 'moves their vote to another threat',
		write: (s) => update(s, ownVote(s), { ...ownVote(s), threatId: 'threat:t2' as ThreatId }),
		expected: nobody(R.voteId),
	},
	{
		action: 'rewrites the time of their vote',
		write: (s) => update(s, ownVote(s), { ...ownVote(s), votedAt: NOW + 60_000 }),
		expected: nobody(R.voteStamped),
	},
	{
		action: 'rewrites the name on their vote',
		write: (s) => update(s, ownVote(s), { ...ownVote(s), voterName: 'Someone' }),
		expected: nobody(R.voteStamped),
	},

	// N/a marks
	{ action: 'marks a category n/a', write: (s) => create(s, fixtureNaMark(FIXTURE_SHAPE_ID, 'S')), expected: facilitatorOnly(R.naMark) },
	{
		action: 'changes the reason of an n/a mark',
		write: (s) => update(s, storedNaMark(), { ...storedNaMark(), reason: 'Behind the VPN' }),
		expected: facilitatorOnly(R.naMark),
	},
	{ action: 'removes an n/a mark', write: (s) => remove(s, storedNaMark()), expected: facilitatorOnly(R.naMark) },
	{
		action: 'marks a category n/a under an id that is not derived',
		write: (s) => create(s, { ...fixtureNaMark(FIXTURE_SHAPE_ID, 'S'), id: naMarkIdFor(FIXTURE_SHAPE_ID, 'T') }),
		expected: facilitatorOnly(R.naMark, R.naMarkId),
	},
	{
		action: 'rewrites who marked a category n/a',
		write: (s) => update(s, storedNaMark(), { ...storedNaMark(), markedBy: OTHER_USER }),
		expected: facilitatorOnly(R.naMark, R.naMarkStamped),
	},

	// Scope
	{ action: 'adds a scope item', write: (s) => create(s, fixtureScopeItem()), expected: facilitatorOnly(R.scope) },
	{
		action: 'edits a scope item',
		write: (s) => update(s, storedScopeItem(), { ...storedScopeItem(), title: 'PANs', confidentiality: 'medium' }),
		expected: facilitatorOnly(R.scope),
	},
	{ action: 'removes a scope item', write: (s) => remove(s, storedScopeItem()), expected: facilitatorOnly(R.scope) },
	...(['kind', 'humanId', 'createdAt'] as const).map(
		(field): MatrixCase => ({
			action: `rewrites the stamped ${field} of a scope item`,
			write: (s) => {
				const rewritten = { kind: 'useCase', humanId: 'A7', createdAt: 1 }[field]
				return update(s, storedScopeItem(), { ...storedScopeItem(), [field]: rewritten })
			},
			expected: facilitatorOnly(R.scope, R.scopeStamped),
		}),
	),

	// The walk
	{ action: 'creates the walk settings', write: (s) => create(s, fixtureWalk()), expected: facilitatorOnly(R.walk) },
	{
		action: 'changes the focus',
		write: (s) => update(s, fixtureWalk(), fixtureWalk({ focusShapeId: FIXTURE_SHAPE_ID })),
		expected: facilitatorOnly(R.walk),
	},
	{ action: 'deletes the walk settings', write: (s) => remove(s, fixtureWalk()), expected: facilitatorOnly(R.walk, R.walkDelete) },
	{ action: 'changes the phase', write: (s) => create(s, fixturePhaseEvent()), expected: facilitatorOnly(R.phase) },
	{
		action: 'rewrites a phase change',
		write: (s) => update(s, fixturePhaseEvent({ at: NOW - 1 }), fixturePhaseEvent({ at: NOW - 1, phase: 'decide' })),
		expected: facilitatorOnly(R.phase, R.history),
	},
	{ action: 'deletes a phase change', write: (s) => remove(s, fixturePhaseEvent()), expected: facilitatorOnly(R.phase, R.history) },
	{ action: 'starts the timer', write: (s) => create(s, fixtureTimerEvent()), expected: facilitatorOnly(R.timer) },
	{
		action: 'extends the timer',
		write: (s) => create(s, fixtureTimerEvent({ action: 'extend', amountMs: 5 * 60_000 })),
		expected: facilitatorOnly(R.timer),
	},
	{
		action: 'rewrites a timer action',
		write: (s) => update(s, fixtureTimerEvent(), fixtureTimerEvent({ action: 'pause' })),
		expected: facilitatorOnly(R.timer, R.history),
	},
	{ action: 'deletes a timer action', write: (s) => remove(s, fixtureTimerEvent()), expected: facilitatorOnly(R.timer, R.history) },

	// Decisions: the product owner's, or the facilitator's on behalf of a named person
	{
		action: 'decides a threat',
		write: (s) => create(s, fixtureDecision()),
		expected: { facilitator: R.decisionOnBehalf, participant: R.decision, productOwner: 'allowed', observer: R.observer },
	},
	{
		action: 'decides a threat on behalf of someone',
		write: (s) => create(s, fixtureDecision({ onBehalfOf: 'Paula (PO)' })),
		expected: { facilitator: 'allowed', participant: R.decision, productOwner: 'allowed', observer: R.observer },
	},
	{
		action: 'changes a decision',
		write: (s) => update(s, storedDecision(), { ...storedDecision(), kind: 'accept', rationale: 'Cheaper', reviewDate: '2026-01-01' }),
		expected: { facilitator: R.decisionHistory, participant: R.decision, productOwner: R.decisionHistory, observer: R.observer },
	},
	{
		action: 'deletes a decision',
		write: (s) => remove(s, storedDecision()),
		expected: { facilitator: R.decisionHistory, participant: R.decision, productOwner: R.decisionHistory, observer: R.observer },
	},

	// Mitigations: proposed by anyone taking part; planned (edited, linked, deleted) by the facilitator and the product owner
	{ action: 'proposes a mitigation', write: (s) => create(s, fixtureMitigation()), expected: CONTRIBUTORS },
	{
		action: 'edits their own mitigation',
		write: (s) => update(s, storedMitigation(s.meta.userId), { ...storedMitigation(s.meta.userId), status: 'inProgress' }),
		expected: CONTRIBUTORS,
	},
	{
		action: "links someone else's mitigation to another threat",
		write: (s) => update(s, storedMitigation(OTHER_USER), { ...storedMitigation(OTHER_USER), threatIds: [STORED_THREAT_ID, 'threat:t2' as ThreatId] }),
		expected: PLANNERS(R.mitigationNotOwn),
	},
	{
		action: "deletes someone else's mitigation",
		write: (s) => remove(s, storedMitigation(OTHER_USER)),
		expected: PLANNERS(R.mitigationNotOwn),
	},
	{
		action: 'rewrites who proposed a mitigation',
		write: (s) => update(s, storedMitigation(s.meta.userId), { ...storedMitigation(s.meta.userId), createdByName: 'Someone else' }),
		expected: { facilitator: R.mitigationStamped, participant: R.mitigationStamped, productOwner: R.mitigationStamped, observer: R.observer },
	},

	// The end of the session
	{ action: 'ends the session', write: (s) => create(s, fixtureSessionEvent()), expected: facilitatorOnly(R.sessionEvent) },
	{
		action: 'reopens a session that has not ended',
		write: (s) => create(s, fixtureSessionEvent({ action: 'reopen', nextSessionDate: '' })),
		expected: facilitatorOnly(R.sessionEvent, R.sessionNotEnded),
	},
	{
		action: 'rewrites when the session ended',
		write: (s) => update(s, storedEnd(), { ...storedEnd(), nextSessionDate: '2030-01-01' }),
		expected: facilitatorOnly(R.sessionEvent, R.sessionEventHistory),
	},
	{
		action: 'deletes the end of the session',
		write: (s) => remove(s, storedEnd()),
		expected: facilitatorOnly(R.sessionEvent, R.sessionEventHistory),
	},
	{
		action: 'writes themselves into the guest book',
		write: (s) => create(s, guest(s)),
		expected: everyone(R.attendance),
	},
	{
		action: 'changes a role in the guest book',
		write: (s) => update(s, guest(s), { ...guest(s), role: 'facilitator' } as TLRecord),
		expected: everyone(R.attendance),
	},
	{
		action: 'removes a guest',
		write: (s) => remove(s, guest(s)),
		expected: everyone(R.attendance),
	},
]

const MATRIX_ROWS = MATRIX.flatMap((matrixCase) =>
	ROLES.map((role) => ({ role, action: matrixCase.action, write: matrixCase.write, expected: matrixCase.expected[role] })),
)

describe('the role matrix of the workshop records', () => {
	it.each(MATRIX_ROWS)('$role $action: $expected', ({ role, write, expected }) => {
		const { authorize, rejections } = setup()
		const attempted = write(sessionOf(role))
		const result = authorize(attempted)
		if (expected === 'allowed') {
			expect(result).not.toBeNull()
			expect(rejections).toEqual([])
		} else {
			expect(result).toBeNull()
			const { id } = attempted.next ?? attempted.prev
			expect(rejections).toEqual([{ sessionId: `session-${role}`, action: attempted.type, recordId: id, reason: expected }])
		}
	})

	it('covers every record type of the object lane', () => {
		const types = new Set(MATRIX.map(({ write }) => (write(sessionOf('facilitator')).next ?? write(sessionOf('facilitator')).prev)?.typeName))
		expect([...types].sort()).toEqual([
			'attendance',
			'decision',
			'mitigation',
			'na-mark',
			'phase-event',
			'scope-item',
			'session-event',
			'threat',
			'timer-event',
			'vote',
			'walk',
		])
	})
})

describe('what the room stamps on create', () => {
	it('numbers mitigations M-001, M-002… and names their author, whatever the client sent', () => {
		const { authorize } = setup()
		const first = authorize(
			create(sessionOf('participant'), fixtureMitigation({ humanId: 'M-999', createdBy: 'forged', createdByName: 'Forged', createdAt: 5 })),
		)
		const second = authorize(create(sessionOf('productOwner'), fixtureMitigation({ id: 'mitigation:m2' as MitigationId })))
		expect(first).toMatchObject({ humanId: 'M-001', createdBy: sessionOf('participant').meta.userId, createdAt: NOW })
		expect(first).not.toMatchObject({ createdByName: 'Forged' })
		expect(second).toMatchObject({ humanId: 'M-002' })
	})

	it('numbers threats T-001, T-002… whatever number the client sent', () => {
		const { authorize } = setup()
		const participant = sessionOf('participant')
		const first = authorize(create(participant, fixtureThreat({ humanId: 'T-777' })))
		const second = authorize(create(sessionOf('facilitator'), fixtureThreat({ id: 'threat:t2' as ThreatId })))
		expect([first, second].map((record) => record?.typeName === 'threat' && record.humanId)).toEqual(['T-001', 'T-002'])
	})

	it('continues the threat numbers from the saved counters, past T-999', () => {
		const { authorize, allocator } = setup({ T: 999 })
		const created = authorize(create(sessionOf('participant'), fixtureThreat()))
		expect(created).toMatchObject({ humanId: 'T-1000' })
		expect(allocator.toJSON()).toEqual({ T: 1000 })
	})

	it("takes a threat's author and time from the session and the room, not from the client", () => {
		const { authorize } = setup()
		const forged = fixtureThreat({ createdBy: OTHER_USER, createdByName: 'Someone', createdAt: 1, isDeleted: true })
		expect(authorize(create(sessionOf('participant'), forged))).toEqual({
			...forged,
			humanId: 'T-001',
			createdBy: 'pat',
			createdByName: 'Pat',
			createdAt: NOW,
			isDeleted: false,
		})
	})

	it('keeps agreed values on a threat the facilitator adds and drops them from anyone else', () => {
		const { authorize } = setup()
		const agreed = { agreedLikelihood: 4, agreedImpact: 2 }
		expect(authorize(create(sessionOf('facilitator'), fixtureThreat(agreed)))).toMatchObject(agreed)
		expect(authorize(create(sessionOf('productOwner'), fixtureThreat({ id: 'threat:t2' as ThreatId, ...agreed })))).toMatchObject({
			agreedLikelihood: null,
			agreedImpact: null,
		})
	})

	it('numbers scope items per kind: A1, UC1, A2, TA1, AS1, CR1', () => {
		const { authorize, allocator } = setup()
		const kinds: ScopeItemKind[] = ['asset', 'useCase', 'asset', 'threatAgent', 'assumption', 'compliance']
		const humanIds = kinds.map((kind, index) => {
			const item = fixtureScopeItem({ id: `scope-item:s${index}` as RecordId<ScopeItemRecord>, kind, humanId: 'UC99', createdAt: 5 })
			const created = authorize(create(sessionOf('facilitator'), item))
			expect(created).toMatchObject({ createdAt: NOW })
			return created?.typeName === 'scope-item' ? created.humanId : null
		})
		expect(humanIds).toEqual(['A1', 'UC1', 'A2', 'TA1', 'AS1', 'CR1'])
		expect(allocator.toJSON()).toEqual({ A: 2, UC: 1, TA: 1, AS: 1, CR: 1 })
	})

	it('stamps the voter and the time of a vote', () => {
		const { authorize } = setup()
		const vote = fixtureVote(STORED_THREAT_ID, 'pat', { voterName: 'Forged', votedAt: 1 })
		expect(authorize(create(sessionOf('participant'), vote))).toEqual({ ...vote, voterId: 'pat', voterName: 'Pat', votedAt: NOW })
	})

	it('stamps who marked a category n/a, and when', () => {
		const { authorize } = setup()
		const mark: NaMarkRecord = fixtureNaMark(FIXTURE_SHAPE_ID, 'I', { markedBy: OTHER_USER, markedAt: 1 })
		expect(authorize(create(sessionOf('facilitator'), mark))).toEqual({ ...mark, markedBy: 'fay', markedByName: 'Fay', markedAt: NOW })
	})

	it('stamps phase changes and timer actions with the room clock and the facilitator', () => {
		const { authorize } = setup()
		const stamp = { at: NOW, by: 'fay', byName: 'Fay' }
		const forged = { at: 1, by: OTHER_USER, byName: 'Someone' }
		expect(authorize(create(sessionOf('facilitator'), fixturePhaseEvent(forged)))).toEqual(fixturePhaseEvent(stamp))
		expect(authorize(create(sessionOf('facilitator'), fixtureTimerEvent(forged)))).toEqual(fixtureTimerEvent(stamp))
	})
})

describe('the derived ids', () => {
	it('derives a vote id from the threat and the voter', () => {
		expect(voteIdFor('threat:abc' as ThreatId, 'pat')).toBe('vote:abc~pat')
	})

	it('derives an n/a mark id from the element and the category', () => {
		expect(naMarkIdFor('shape:p1' as TLShapeId, 'S')).toBe('na-mark:p1~S')
	})
})

describe("categories come from the session's framework", () => {
	const participant = sessionOf('participant')
	const facilitator = sessionOf('facilitator')

	it('refuses a threat with a category its framework lacks, and spends no number on it', () => {
		const { authorize, allocator, rejections } = setup()
		expect(authorize(create(participant, fixtureThreat({ categories: ['S', 'Linking'] })))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.threatCategory])
		expect(allocator.toJSON()).toEqual({})
	})

	it("takes each framework's own ids: LINDDUN's, not STRIDE's", () => {
		const { authorize, rejections } = setup({}, undefined, 'LINDDUN')
		expect(authorize(create(participant, fixtureThreat({ categories: ['S'] })))).toBeNull()
		expect(authorize(create(participant, fixtureThreat({ categories: ['L', 'I'] })))).toMatchObject({ categories: ['L', 'I'] })
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.threatCategory])
	})

	it('refuses changing categories to one outside the framework, even for the facilitator', () => {
		const { authorize, rejections } = setup()
		const stored = ownThreat(facilitator)
		expect(authorize(update(facilitator, stored, { ...stored, categories: ['S', 'nonsense'] }))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.threatCategory])
	})

	it('still lets a threat imported with a foreign category be edited, as long as its categories stay', () => {
		const { authorize } = setup()
		const imported = ownThreat(participant, { categories: ['Spoofing'] })
		const retitled = { ...imported, title: 'Session fixation on login' }
		expect(authorize(update(participant, imported, retitled))).toEqual(retitled)
	})

	it('leaves a category list that is no list to the record validator', () => {
		const { authorize } = setup()
		const malformed = { ...fixtureThreat(), categories: 'S' } as unknown as TLRecord
		expect(authorize(create(participant, malformed))).toEqual(malformed)
	})

	it('refuses an n/a mark on a category the framework lacks', () => {
		const { authorize, rejections } = setup()
		expect(authorize(create(facilitator, fixtureNaMark(FIXTURE_SHAPE_ID, 'Linking')))).toBeNull()
		expect(authorize(create(facilitator, fixtureNaMark(FIXTURE_SHAPE_ID, 'T')))).toMatchObject({ category: 'T' })
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.naMarkCategory])
	})
})

describe('numbers are never spent on a write the room does not store', () => {
	it('spends no threat number on a refused create', () => {
		const { authorize } = setup()
		expect(authorize(create(sessionOf('observer'), fixtureThreat()))).toBeNull()
		expect(authorize(create(sessionOf('participant'), fixtureThreat()))).toMatchObject({ humanId: 'T-001' })
	})

	it('hands an invalid threat back unstamped, for the room to refuse, without spending a number', () => {
		const { authorize, allocator, rejections } = setup()
		const invalid = fixtureThreat({ title: '', humanId: '' })
		expect(authorize(create(sessionOf('participant'), invalid))).toEqual(invalid)
		expect(rejections).toEqual([])
		expect(allocator.toJSON()).toEqual({})
	})

	it('never turns an invalid scope kind into a counter, even a name Object.prototype has', () => {
		const { authorize, allocator } = setup()
		for (const kind of ['constructor', 'toString', 'nonsense']) {
			// A client can push anything; tldraw validates it only after the authorizer ran.
			const invalid = { ...fixtureScopeItem(), kind } as unknown as TLRecord
			expect(authorize(create(sessionOf('facilitator'), invalid))).toEqual(invalid)
		}
		expect(allocator.toJSON()).toEqual({})
	})
})

describe('reportingRefusals', () => {
	it('passes an allowed record through and reports nothing', () => {
		const reports: string[] = []
		const authorizer = reportingRefusals<ThreatRecord>(
			(write) => write.next ?? write.prev,
			(_s, _w, reason) => reports.push(reason),
		)
		const threat = fixtureThreat()
		expect(authorizer({ session: sessionOf('participant'), type: 'create', prev: null, next: threat })).toBe(threat)
		expect(reports).toEqual([])
	})

	it('turns a reason into null and tells onReject who, what and why', () => {
		const reports: unknown[] = []
		const authorizer = reportingRefusals<ThreatRecord>(
			() => R.threatDelete,
			(session, write, reason) => reports.push([session.sessionId, write.type, reason]),
		)
		const threat = fixtureThreat()
		expect(authorizer({ session: sessionOf('facilitator'), type: 'delete', prev: threat, next: null })).toBeNull()
		expect(reports).toEqual([['session-facilitator', 'delete', R.threatDelete]])
	})
})

describe('model-level and "Other" threats, their triage and scope links', () => {
	const participant = sessionOf('participant')
	const facilitator = sessionOf('facilitator')
	const productOwner = sessionOf('productOwner')
	const observer = sessionOf('observer')
	const triaged: Partial<ThreatRecord> = {
		shapeId: null,
		categories: ['other'],
		severity: 'High',
		cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
		priority: 'P1',
		includeInReport: false,
		assetIds: ['scope-item:a1' as ScopeItemId],
		agentIds: ['scope-item:ta1' as ScopeItemId],
	}

	it('lets anyone who takes part add a model-level threat tagged "Other", with its triage, in every framework', () => {
		for (const framework of ['STRIDE', 'LINDDUN', 'PLOT4ai'] as const) {
			const { authorize, rejections } = setup({}, undefined, framework)
			for (const session of [participant, facilitator, productOwner]) {
				expect(authorize(create(session, fixtureThreat(triaged)))).toMatchObject({ ...triaged, humanId: expect.stringMatching(/^T-\d{3}$/) })
			}
			expect(rejections).toEqual([])
		}
	})

	it('refuses the observer', () => {
		const { authorize, rejections } = setup()
		expect(authorize(create(observer, fixtureThreat(triaged)))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.observer])
	})

	it("lets the author and the facilitator change a threat's triage and links, and nobody else", () => {
		const { authorize, rejections } = setup()
		const own = ownThreat(participant)
		expect(authorize(update(participant, own, { ...own, ...triaged, shapeId: own.shapeId }))).toMatchObject({ severity: 'High', priority: 'P1' })
		const others = othersThreat()
		expect(authorize(update(facilitator, others, { ...others, ...triaged }))).toMatchObject({ shapeId: null, includeInReport: false })
		expect(authorize(update(participant, others, { ...others, severity: 'Critical' }))).toBeNull()
		expect(authorize(update(productOwner, others, { ...others, includeInReport: false }))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.threatNotOwn, R.threatNotOwn])
	})

	it('keeps a participant from moving their own threat off its element, as onto another one', () => {
		const { authorize, rejections } = setup()
		const own = ownThreat(participant)
		expect(authorize(update(participant, own, { ...own, shapeId: null }))).toBeNull()
		expect(rejections.map((rejection) => rejection.reason)).toEqual([R.threatElement])
	})

	it('hands a threat with an invalid CVSS vector or too many links back unstamped, for the validator to refuse', () => {
		const { authorize, allocator } = setup()
		expect(authorize(create(participant, fixtureThreat({ cvssVector: 'CVSS:3.1/AV:N' })))).toMatchObject({ humanId: '' })
		const many = Array.from({ length: 33 }, (_, index) => `scope-item:a${index}` as ScopeItemId)
		expect(authorize(create(participant, fixtureThreat({ assetIds: many })))).toMatchObject({ humanId: '' })
		expect(allocator.toJSON()).toEqual({})
	})
})
