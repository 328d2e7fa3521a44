import type { TLRecord } from '@tldraw/tlschema'
import { isFacilitator, isValid, type Rule, type SessionAuthorizerDeps, unchanged } from './authorizeSessionRecords'
import { ATTACK_TREE_MAX_NODES, ATTACK_TREES_MAX, attackNodeRecordConfig, type AttackNodeRecord } from './records/attackNodeRecord'
import type { ParkedQuestionRecord } from './records/parkedQuestionRecord'
import { idBody } from './records/recordIds'
import { type WorkshopNoteRecord, workshopNoteIdFor } from './records/workshopNoteRecord'
import { REJECTION_REASON as REASON } from './rejectionReasons'
import type { TLRecordAuthorizer } from '@tldraw/sync-core'
import type { Person } from '../protocol/customMessages'

// Who may write the workshop's notebook: attack trees, the "What if…?" parking lot and the
// Markdown notes. Everyone but observers writes (whileOpen refuses observers and ended sessions
// before these run); authors change their own entries, the facilitator any.

/**
 * An authorizer can only stamp on create. A note's last editor and a question's resolver are
 * written by the client on update, so the room checks that they name the writer and that the
 * time is the room's give or take this much (the panel writes with the room's clock).
 */
export const CLIENT_TIME_TOLERANCE_MS = 5 * 60_000

/** The allocator's counter keys: trees per session and nodes per tree never exceed their limit. */
export const ATTACK_TREES_COUNTER = 'ATTACK-TREES'
export const attackTreeCounter = (rootId: string) => `ATTACK-TREE~${idBody(rootId)}`

const ATTACK_NODE_FIXED = ['ancestors', 'threatId', 'createdBy', 'createdByName', 'createdAt'] as const
const PARKED_FIXED = ['question', 'shapeId', 'askedBy', 'askedByName', 'askedAt'] as const
const PARKED_RESOLUTION = ['resolution', 'resolvedTo', 'reason', 'resolvedBy', 'resolvedByName', 'resolvedAt'] as const

function attackNodeRule(deps: SessionAuthorizerDeps): Rule<AttackNodeRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (write.type !== 'create') {
			if (write.type === 'update' && !unchanged(write.prev, write.next, ATTACK_NODE_FIXED)) return REASON.attackNodeStamped
			if (!isFacilitator(role) && write.prev.createdBy !== userId) return REASON.attackNodeNotOwn
			return write.type === 'delete' ? write.prev : write.next
		}
		const { next } = write
		if (!isValid(attackNodeRecordConfig.validator, next)) return next
		if (next.ancestors.includes(next.id)) return REASON.attackNodePath
		const root = next.ancestors[0]
		if (root !== undefined && next.threatId !== null) return REASON.attackNodeRoot
		// Counted on create and never given back: a bound the room keeps without reading the store.
		if (root === undefined) {
			if (deps.allocator.next(ATTACK_TREES_COUNTER) > ATTACK_TREES_MAX) return REASON.attackTreesFull
		} else if (deps.allocator.next(attackTreeCounter(root)) > ATTACK_TREE_MAX_NODES) {
			return REASON.attackTreeFull
		}
		return { ...next, createdBy: userId, createdByName: name, createdAt: deps.now() }
	}
}

function claimsWriter(record: { by: string; byName: string; at: number }, person: Person, now: number): boolean {
	return record.by === person.userId && record.byName === person.name && Math.abs(record.at - now) <= CLIENT_TIME_TOLERANCE_MS
}

/** A resolution that says what the question became, or an open question with no trace of one. */
function resolutionIsWhole(question: ParkedQuestionRecord): boolean {
	const { resolution, resolvedTo, reason } = question
	switch (resolution) {
		case null:
			return resolvedTo === null && reason === '' && question.resolvedBy === '' && question.resolvedAt === 0
		case 'dismissed':
			return resolvedTo === null && reason.trim() !== ''
		case 'threat':
			return resolvedTo?.startsWith('threat:') === true
		case 'assumption':
		case 'outOfScope':
			return resolvedTo?.startsWith('scope-item:') === true
	}
}

function parkedQuestionRule(deps: SessionAuthorizerDeps): Rule<ParkedQuestionRecord> {
	return (write) => {
		const person = write.session.meta
		const facilitates = isFacilitator(person.role)
		if (write.type === 'create') {
			return {
				...write.next,
				askedBy: person.userId,
				askedByName: person.name,
				askedAt: deps.now(),
				resolution: null,
				resolvedTo: null,
				reason: '',
				resolvedBy: '',
				resolvedByName: '',
				resolvedAt: 0,
			}
		}
		const { prev } = write
		const asker = prev.askedBy === person.userId
		if (write.type === 'delete') {
			if (facilitates || (asker && prev.resolution === null)) return prev
			return REASON.parkedQuestionNotOwn
		}
		const { next } = write
		if (!unchanged(prev, next, ['askedBy', 'askedByName', 'askedAt', 'shapeId'])) return REASON.parkedQuestionStamped
		if (unchanged(prev, next, PARKED_RESOLUTION)) {
			if (unchanged(prev, next, PARKED_FIXED)) return next
			if (!facilitates && !asker) return REASON.parkedQuestionNotOwn
			return facilitates || prev.resolution === null ? next : REASON.parkedQuestionResolved
		}
		if (!facilitates) return REASON.parkedQuestionResolve
		if (!resolutionIsWhole(next)) return REASON.parkedQuestionTarget
		if (next.resolution === null) return next
		const claim = { by: next.resolvedBy, byName: next.resolvedByName, at: next.resolvedAt }
		return claimsWriter(claim, person, deps.now()) ? next : REASON.parkedQuestionTarget
	}
}

function workshopNoteRule(deps: SessionAuthorizerDeps): Rule<WorkshopNoteRecord> {
	return (write) => {
		const person = write.session.meta
		if (write.type === 'delete') return REASON.noteDelete
		const { next } = write
		if (next.id !== workshopNoteIdFor(next.shapeId)) return REASON.noteId
		if (write.type === 'create') return { ...next, updatedBy: person.userId, updatedByName: person.name, updatedAt: deps.now() }
		const claim = { by: next.updatedBy, byName: next.updatedByName, at: next.updatedAt }
		return claimsWriter(claim, person, deps.now()) ? next : REASON.noteEditor
	}
}

type Guard = <R extends TLRecord>(rule: Rule<R>) => TLRecordAuthorizer<R, Person>

/** The notebook's authorizers, each behind the room's guard (observers, ended sessions, refusals reported). */
export function workshopNotebookRules(deps: SessionAuthorizerDeps, guarded: Guard) {
	return {
		'attack-node': guarded(attackNodeRule(deps)),
		'parked-question': guarded(parkedQuestionRule(deps)),
		'workshop-note': guarded(workshopNoteRule(deps)),
	}
}
