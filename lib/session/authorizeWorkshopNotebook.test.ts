import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROLES } from '../roles'
import { create, NOW, PEOPLE, remove, sessionOf, setup, update } from '@/tests/fixtures/authorizer'
import { ATTACK_TREES_COUNTER, attackTreeCounter, CLIENT_TIME_TOLERANCE_MS } from './authorizeWorkshopNotebook'
import { newAttackGoal, newAttackStep, newParkedQuestion, reopenedQuestion, resolvedQuestion, savedNote } from './notebookFactories'
import { ATTACK_TREE_MAX_NODES, ATTACK_TREES_MAX, type AttackNodeId, type AttackNodeRecord } from './records/attackNodeRecord'
import type { ThreatId } from './records/threatRecord'
import { REJECTION_REASON as R } from './rejectionReasons'
import { SessionLifecycle } from './sessionLifecycle'
import { fixtureSessionEvent } from '@/fixtures/workshopRecords'

const THREAT = 'threat:t1' as ThreatId
const SHAPE = 'shape:api' as TLShapeId
let n = 0
const newId = () => `n${++n}`

function storedGoal(by: string): AttackNodeRecord {
	return { ...newAttackGoal('Steal the card data', THREAT, newId), createdBy: by, createdByName: by, createdAt: NOW - 1_000 }
}

describe('attack-tree nodes', () => {
	it('lets everyone but observers add a node, stamped by the room', () => {
		for (const role of ROLES) {
			const { authorize, rejections } = setup()
			const stored = authorize(create(sessionOf(role), newAttackGoal('Goal', THREAT, newId)))
			if (role === 'observer') expect(rejections.map((r) => r.reason)).toEqual([R.observer])
			else expect(stored).toMatchObject({ createdBy: PEOPLE[role].userId, createdByName: PEOPLE[role].name, createdAt: NOW })
		}
	})

	it('fixes a node’s place in its tree: no self in the path, no threat below the goal, no moving', () => {
		const { authorize, rejections } = setup()
		const pat = sessionOf('participant')
		const goal = storedGoal('pat')
		const self = newAttackStep(goal, 'Self', 1, newId)
		authorize(create(pat, { ...self, ancestors: [goal.id, self.id] }))
		authorize(create(pat, { ...newAttackStep(goal, 'Step', 1, newId), threatId: THREAT }))
		authorize(update(pat, goal, { ...goal, ancestors: ['attack-node:elsewhere' as AttackNodeId] }))
		expect(rejections.map((r) => r.reason)).toEqual([R.attackNodePath, R.attackNodeRoot, R.attackNodeStamped])
	})

	it('lets the author and the facilitator rename, re-gate, link and delete; others not', () => {
		const { authorize, rejections } = setup()
		const goal = storedGoal('pat')
		const renamed = { ...goal, label: 'Renamed', gate: 'and' as const }
		expect(authorize(update(sessionOf('participant'), goal, renamed))).not.toBeNull()
		expect(authorize(update(sessionOf('facilitator'), goal, renamed))).not.toBeNull()
		expect(authorize(update(sessionOf('productOwner'), goal, renamed))).toBeNull()
		expect(authorize(remove(sessionOf('productOwner'), goal))).toBeNull()
		expect(authorize(remove(sessionOf('facilitator'), goal))).not.toBeNull()
		expect(rejections.map((r) => r.reason)).toEqual([R.attackNodeNotOwn, R.attackNodeNotOwn])
	})

	it('bounds nodes per tree and trees per session with counters that survive a restart', () => {
		const goal = storedGoal('pat')
		const full = setup({ [attackTreeCounter(goal.id)]: ATTACK_TREE_MAX_NODES, [ATTACK_TREES_COUNTER]: ATTACK_TREES_MAX })
		full.authorize(create(sessionOf('participant'), newAttackStep(goal, 'One too many', 1, newId)))
		full.authorize(create(sessionOf('participant'), newAttackGoal('Another tree', null, newId)))
		expect(full.rejections.map((r) => r.reason)).toEqual([R.attackTreeFull, R.attackTreesFull])
		const fresh = setup()
		expect(fresh.authorize(create(sessionOf('participant'), newAttackStep(goal, 'Fine', 1, newId)))).not.toBeNull()
		expect(fresh.allocator.toJSON()).toEqual({ [attackTreeCounter(goal.id)]: 1 })
	})

	it('refuses a path deeper than the limit as an invalid record, without counting it', () => {
		const { authorize, allocator } = setup()
		const deep = { ...newAttackGoal('Deep', null, newId), ancestors: Array.from({ length: 9 }, (_, i) => `attack-node:a${i}` as AttackNodeId) }
		const stored = authorize(create(sessionOf('participant'), deep))
		expect(stored).toBe(deep)
		expect(allocator.toJSON()).toEqual({})
	})
})

describe('parked questions', () => {
	const parkedBy = (userId: string) => ({
		...newParkedQuestion('What if the PSP is down?', SHAPE, newId),
		askedBy: userId,
		askedByName: userId,
		askedAt: NOW - 1_000,
	})

	it('lets everyone but observers park a question, stamped and unresolved whatever was sent', () => {
		const { authorize, rejections } = setup()
		const forged = { ...newParkedQuestion('What if?', SHAPE, newId), resolution: 'dismissed' as const, reason: 'no' }
		expect(authorize(create(sessionOf('participant'), forged))).toMatchObject({ askedBy: 'pat', askedAt: NOW, resolution: null, reason: '' })
		authorize(create(sessionOf('observer'), forged))
		expect(rejections.map((r) => r.reason)).toEqual([R.observer])
	})

	it('lets only the facilitator resolve, with a link or a reason, in their own name and at the room’s time', () => {
		const { authorize, rejections } = setup()
		const question = parkedBy('pat')
		const fay = PEOPLE.facilitator
		const asThreat = resolvedQuestion(question, { resolution: 'threat', resolvedTo: THREAT, reason: '' }, fay, NOW)
		expect(authorize(update(sessionOf('facilitator'), question, asThreat))).not.toBeNull()
		authorize(
			update(sessionOf('participant'), question, resolvedQuestion(question, { resolution: 'threat', resolvedTo: THREAT, reason: '' }, PEOPLE.participant, NOW)),
		)
		authorize(update(sessionOf('facilitator'), question, resolvedQuestion(question, { resolution: 'assumption', resolvedTo: THREAT, reason: '' }, fay, NOW)))
		authorize(update(sessionOf('facilitator'), question, resolvedQuestion(question, { resolution: 'dismissed', resolvedTo: null, reason: ' ' }, fay, NOW)))
		authorize(
			update(
				sessionOf('facilitator'),
				question,
				resolvedQuestion(question, { resolution: 'dismissed', resolvedTo: null, reason: 'No' }, PEOPLE.participant, NOW),
			),
		)
		authorize(
			update(
				sessionOf('facilitator'),
				question,
				resolvedQuestion(question, { resolution: 'dismissed', resolvedTo: null, reason: 'No' }, fay, NOW - CLIENT_TIME_TOLERANCE_MS - 1),
			),
		)
		expect(rejections.map((r) => r.reason)).toEqual([
			R.parkedQuestionResolve,
			R.parkedQuestionTarget,
			R.parkedQuestionTarget,
			R.parkedQuestionTarget,
			R.parkedQuestionTarget,
		])
		expect(authorize(update(sessionOf('facilitator'), asThreat, reopenedQuestion(asThreat)))).not.toBeNull()
	})

	it('lets the asker reword or withdraw an open question, never a resolved one or someone else’s', () => {
		const { authorize, rejections } = setup()
		const question = parkedBy('pat')
		const resolved = resolvedQuestion(question, { resolution: 'dismissed', resolvedTo: null, reason: 'Covered by AS1' }, PEOPLE.facilitator, NOW)
		expect(authorize(update(sessionOf('participant'), question, { ...question, question: 'What if the PSP is slow?' }))).not.toBeNull()
		expect(authorize(remove(sessionOf('participant'), question))).not.toBeNull()
		authorize(update(sessionOf('productOwner'), question, { ...question, question: 'Mine now' }))
		authorize(update(sessionOf('participant'), resolved, { ...resolved, question: 'Reworded' }))
		authorize(remove(sessionOf('participant'), resolved))
		authorize(update(sessionOf('facilitator'), question, { ...question, askedBy: 'fay' }))
		expect(rejections.map((r) => r.reason)).toEqual([R.parkedQuestionNotOwn, R.parkedQuestionResolved, R.parkedQuestionNotOwn, R.parkedQuestionStamped])
	})
})

describe('workshop notes', () => {
	it('lets everyone but observers write the one note of a target, in their own name', () => {
		const { authorize, rejections } = setup()
		const pat = PEOPLE.participant
		const created = authorize(
			create(sessionOf('participant'), savedNote(undefined, SHAPE, { markdown: '# API', includeInReport: true }, { ...pat, userId: 'forged' }, 0)),
		)
		expect(created).toMatchObject({ id: 'workshop-note:shape~api', updatedBy: 'pat', updatedAt: NOW })
		const stored = created as TLRecord & { typeName: 'workshop-note' }
		expect(
			authorize(update(sessionOf('productOwner'), stored, savedNote(stored, SHAPE, { markdown: 'More', includeInReport: false }, PEOPLE.productOwner, NOW))),
		).not.toBeNull()
		authorize(update(sessionOf('productOwner'), stored, savedNote(stored, SHAPE, { markdown: 'As Pat', includeInReport: true }, pat, NOW)))
		authorize(
			create(sessionOf('participant'), {
				...savedNote(undefined, SHAPE, { markdown: 'x', includeInReport: true }, pat, NOW),
				id: 'workshop-note:other' as never,
			}),
		)
		authorize(remove(sessionOf('facilitator'), stored))
		authorize(create(sessionOf('observer'), savedNote(undefined, null, { markdown: 'x', includeInReport: true }, PEOPLE.observer, NOW)))
		expect(rejections.map((r) => r.reason)).toEqual([R.noteEditor, R.noteId, R.noteDelete, R.observer])
	})

	it('refuses every notebook write once the session has ended', () => {
		const lifecycle = new SessionLifecycle()
		lifecycle.load([fixtureSessionEvent({ by: 'fay', byName: 'Fay', at: NOW - 1_000 })])
		const { authorize, rejections } = setup({}, lifecycle)
		authorize(create(sessionOf('facilitator'), savedNote(undefined, null, { markdown: 'x', includeInReport: true }, PEOPLE.facilitator, NOW)))
		authorize(create(sessionOf('participant'), newParkedQuestion('What if?', null, newId)))
		authorize(create(sessionOf('participant'), newAttackGoal('Goal', null, newId)))
		expect(rejections.map((r) => r.reason)).toEqual([R.sessionEnded, R.sessionEnded, R.sessionEnded])
	})
})
