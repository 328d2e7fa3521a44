import type { TLRecordAuthorizer, TLRecordAuthorizers } from '@tldraw/sync-core'
import type { TLRecord } from '@tldraw/tlschema'
import type { T } from '@tldraw/validate'
import type { HumanIdAllocator } from '../dfd/humanIds'
import { isCategoryOf } from '../frameworks/frameworkCatalog'
import { isOtherCategory } from '../frameworks/otherCategory'
import type { FrameworkId } from '../frameworks/frameworkTypes'
import type { Person } from '../protocol/customMessages'
import type { Role } from '../roles'
import { missingDecisionField, normalisedDecision } from './decisions'
import type { AttendanceRecord } from './records/attendanceRecord'
import { decisionRecordConfig, type DecisionRecord } from './records/decisionRecord'
import { mitigationRecordConfig, type MitigationRecord } from './records/mitigationRecord'
import type { HistoryEntryRecord } from './records/historyEntryRecord'
import { naMarkIdFor, type NaMarkRecord } from './records/naMarkRecord'
import { SCOPE_ITEM_PREFIX, scopeItemRecordConfig, type ScopeItemRecord } from './records/scopeItemRecord'
import { sessionEventRecordConfig, type SessionEventRecord } from './records/sessionEventRecord'
import { threatRecordConfig, type ThreatRecord } from './records/threatRecord'
import { voteIdFor, type VoteRecord } from './records/voteRecord'
import type { PhaseEventRecord, TimerEventRecord, WalkRecord } from './records/walkRecords'
import { DECISION_MISSING_REASON, REJECTION_REASON as REASON, type RejectionReason } from './rejectionReasons'
import type { SessionLifecycle } from './sessionLifecycle'
import { formatThreatId } from './threatIds'
import { workshopNotebookRules } from './authorizeWorkshopNotebook'
import { metadataAndReviewRules } from './authorizeMetadataAndReview'

// Who may write which workshop record, enforced by the room on every client push (the panel only
// mirrors these rules). Server-owned fields — IDs, authors, timestamps — are stamped here on
// create, whatever the client sent; on update and delete an authorizer can only allow or reject,
// so those fields must then stay as they are. Once the session has ended, every write is refused
// but the facilitator's reopen (`whileOpen`, `sessionEventRule`).

type Authorizer<R extends TLRecord> = TLRecordAuthorizer<R, Person>
type Write<R extends TLRecord> = Parameters<Authorizer<R>>[0]
export type RecordWrite = Write<TLRecord>

/** A rule's answer: the record to store (create) or to allow (update, delete), or why not. */
type Verdict<R extends TLRecord> = R | RejectionReason
export type Rule<R extends TLRecord> = (write: Write<R>) => Verdict<R>

export type OnReject = (session: RecordWrite['session'], write: RecordWrite, reason: RejectionReason) => void

export interface SessionAuthorizerDeps {
	/** Only `next` is used; the room passes its allocator, tests a fresh one. */
	allocator: Pick<HumanIdAllocator, 'next'>
	/** The room's clock: the one authority on time for every participant. */
	now: () => number
	/** Whether the session has ended; session-event creates move it on. */
	lifecycle: SessionLifecycle
	/** The session's framework: threats and n/a marks name its categories only. */
	framework: FrameworkId
	/** Told of every refused write, so the room can say why (tldraw itself refuses silently). */
	onReject?: OnReject
}

/** Turns a rule into a tldraw authorizer: a reason becomes a refusal, reported to `onReject`. */
export function reportingRefusals<R extends TLRecord>(rule: Rule<R>, onReject: OnReject | undefined): Authorizer<R> {
	return (write) => {
		const verdict = rule(write)
		if (typeof verdict !== 'string') return verdict
		onReject?.(write.session, write, verdict)
		return null
	}
}

export const isFacilitator = (role: Role) => role === 'facilitator'
/** Everyone who takes part in the analysis; observers only watch. */
const contributes = (role: Role) => role !== 'observer'

/** The first refusal for a facilitator-only record: observers hear they only watch, others why not. */
function facilitatorOnly(role: Role, reason: RejectionReason): RejectionReason | null {
	if (!contributes(role)) return REASON.observer
	return isFacilitator(role) ? null : reason
}

/**
 * Any rule, refused while the session has ended. Observers keep their own reason: they never
 * write, ended or not (the room's read-only gates refuse them before any authorizer).
 */
export function whileOpen<R extends TLRecord>(lifecycle: SessionLifecycle, rule: Rule<R>): Rule<R> {
	return (write) => {
		if (!contributes(write.session.meta.role)) return REASON.observer
		if (lifecycle.isEnded) return REASON.sessionEnded
		return rule(write)
	}
}

/** The write as it stands: what a rule with nothing to add or check allows. */
export function asWritten<R extends TLRecord>(write: Write<R>): R {
	return write.type === 'delete' ? write.prev : write.next
}

export function unchanged<R extends TLRecord>(prev: R, next: R, keys: readonly (keyof R)[]): boolean {
	return keys.every((key) => JSON.stringify(prev[key]) === JSON.stringify(next[key]))
}

/**
 * tldraw validates a created record only after its authorizer ran. Before spending a human ID on
 * it (or reading `kind` to pick a prefix), check it: an invalid record goes back unstamped and the
 * room refuses it as INVALID_RECORD, so a bad push never burns a number or a counter key.
 */
export function isValid(validator: T.Validatable<unknown>, record: unknown): boolean {
	try {
		validator.validate(record)
		return true
	} catch {
		return false
	}
}

/**
 * A category the framework lacks ("Other" is every framework's). A list that is no list is the
 * record validator's to refuse (it runs after).
 */
function hasForeignCategory(framework: FrameworkId, categories: unknown): boolean {
	return (
		Array.isArray(categories) &&
		categories.some((category) => !(typeof category === 'string' && (isCategoryOf(framework, category) || isOtherCategory(category))))
	)
}

const THREAT_STAMPED = ['humanId', 'createdBy', 'createdByName', 'createdAt'] as const
const MITIGATION_STAMPED = ['humanId', 'createdBy', 'createdByName', 'createdAt'] as const
const VOTE_STAMPED = ['threatId', 'voterId', 'voterName', 'votedAt'] as const
const NA_MARK_STAMPED = ['markedBy', 'markedByName', 'markedAt'] as const
const SCOPE_STAMPED = ['kind', 'humanId', 'createdAt'] as const

function threatRule(deps: SessionAuthorizerDeps): Rule<ThreatRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (!contributes(role)) return REASON.observer
		if (write.type === 'delete') return REASON.threatDelete
		const { next } = write
		// Checked on create and when they change, not on every edit: a threat imported with a
		// category the framework lacks can still have its title or rating fixed.
		const categoriesChanged = write.type === 'create' || !unchanged(write.prev, next, ['categories'])
		if (categoriesChanged && hasForeignCategory(deps.framework, next.categories)) return REASON.threatCategory
		if (write.type === 'create') {
			if (!isValid(threatRecordConfig.validator, next)) return next
			return {
				...next,
				humanId: formatThreatId(deps.allocator.next('T')),
				createdBy: userId,
				createdByName: name,
				createdAt: deps.now(),
				isDeleted: false,
				agreedLikelihood: isFacilitator(role) ? next.agreedLikelihood : null,
				agreedImpact: isFacilitator(role) ? next.agreedImpact : null,
			}
		}
		const { prev } = write
		if (!unchanged(prev, next, THREAT_STAMPED)) return REASON.threatStamped
		if (isFacilitator(role)) return next
		if (!unchanged(prev, next, ['agreedLikelihood', 'agreedImpact'])) return REASON.threatAgreed
		if (prev.createdBy !== userId) return REASON.threatNotOwn
		return unchanged(prev, next, ['shapeId']) ? next : REASON.threatElement
	}
}

/** Formatted like threat IDs: M-001 … M-999, then M-1000. */
function formatMitigationId(n: number): string {
	return `M-${String(n).padStart(3, '0')}`
}

/**
 * Anyone who takes part proposes mitigations, as they propose threats. The facilitator and the
 * product owner, who plan the work, edit, link, unlink and delete any of them; a participant only
 * their own. Whether the linked threat ids name threats is the views' to check (like decisions).
 */
function mitigationRule(deps: SessionAuthorizerDeps): Rule<MitigationRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (!contributes(role)) return REASON.observer
		const plans = isFacilitator(role) || role === 'productOwner'
		if (write.type === 'create') {
			if (!isValid(mitigationRecordConfig.validator, write.next)) return write.next
			return {
				...write.next,
				humanId: formatMitigationId(deps.allocator.next('M')),
				createdBy: userId,
				createdByName: name,
				createdAt: deps.now(),
			}
		}
		if (!plans && write.prev.createdBy !== userId) return REASON.mitigationNotOwn
		if (write.type === 'delete') return write.prev
		return unchanged(write.prev, write.next, MITIGATION_STAMPED) ? write.next : REASON.mitigationStamped
	}
}

function voteRule(deps: SessionAuthorizerDeps): Rule<VoteRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (!contributes(role)) return REASON.observer
		if (write.type !== 'create' && write.prev.voterId !== userId) return REASON.voteNotOwn
		if (write.type === 'delete') return write.prev
		const { next } = write
		// One vote per person and threat by construction: the id says whose vote it is.
		if (next.id !== voteIdFor(next.threatId, userId)) return REASON.voteId
		if (write.type === 'create') return { ...next, voterId: userId, voterName: name, votedAt: deps.now() }
		return unchanged(write.prev, next, VOTE_STAMPED) ? next : REASON.voteStamped
	}
}

function naMarkRule(deps: SessionAuthorizerDeps): Rule<NaMarkRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		const refused = facilitatorOnly(role, REASON.naMark)
		if (refused) return refused
		if (write.type === 'delete') return write.prev
		const { next } = write
		// One mark per element and category by construction.
		if (next.id !== naMarkIdFor(next.shapeId, next.category)) return REASON.naMarkId
		if (!isCategoryOf(deps.framework, next.category)) return REASON.naMarkCategory
		if (write.type === 'create') return { ...next, markedBy: userId, markedByName: name, markedAt: deps.now() }
		return unchanged(write.prev, next, NA_MARK_STAMPED) ? next : REASON.naMarkStamped
	}
}

function scopeItemRule(deps: SessionAuthorizerDeps): Rule<ScopeItemRecord> {
	return (write) => {
		const refused = facilitatorOnly(write.session.meta.role, REASON.scope)
		if (refused) return refused
		if (write.type === 'delete') return write.prev
		const { next } = write
		if (write.type === 'create') {
			if (!isValid(scopeItemRecordConfig.validator, next)) return next
			const prefix = SCOPE_ITEM_PREFIX[next.kind]
			return { ...next, humanId: `${prefix}${deps.allocator.next(prefix)}`, createdAt: deps.now() }
		}
		return unchanged(write.prev, next, SCOPE_STAMPED) ? next : REASON.scopeStamped
	}
}

const walkRule: Rule<WalkRecord> = (write) => {
	const refused = facilitatorOnly(write.session.meta.role, REASON.walk)
	if (refused) return refused
	return write.type === 'delete' ? REASON.walkDelete : write.next
}

/** Facilitator-only records that nobody may change once written: the history of phases and timer. */
function appendOnlyEvent<R extends PhaseEventRecord | TimerEventRecord>(deps: SessionAuthorizerDeps, reason: RejectionReason): Rule<R> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		const refused = facilitatorOnly(role, reason)
		if (refused) return refused
		if (write.type !== 'create') return REASON.history
		return { ...write.next, at: deps.now(), by: userId, byName: name }
	}
}

/**
 * The product owner decides; the facilitator may record a decision for a named person when no
 * product owner is in the room. Append-only: a changed mind is a new decision. Whether `threatId`
 * names a threat cannot be checked here (an authorizer does not read the store): the projection
 * and the views show a decision only on the threat it names and ignore one whose threat is unknown.
 */
function decisionRule(deps: SessionAuthorizerDeps): Rule<DecisionRecord> {
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (role !== 'productOwner' && !isFacilitator(role)) return REASON.decision
		if (write.type !== 'create') return REASON.decisionHistory
		if (!isValid(decisionRecordConfig.validator, write.next)) return write.next
		const decision = normalisedDecision({
			...write.next,
			// Only the facilitator speaks for someone else; a product owner decides as themself.
			onBehalfOf: isFacilitator(role) ? write.next.onBehalfOf : '',
		})
		if (isFacilitator(role) && decision.onBehalfOf === '') return REASON.decisionOnBehalf
		const missing = missingDecisionField(decision)
		if (missing !== null) return missingFieldReason(decision.kind, missing)
		return { ...decision, decidedBy: userId, decidedByName: name, decidedAt: deps.now() }
	}
}

function missingFieldReason(kind: DecisionRecord['kind'], field: string): RejectionReason {
	const reasons: Readonly<Record<string, RejectionReason>> = DECISION_MISSING_REASON[kind]
	return reasons[field] ?? REASON.decision
}

/**
 * Ending and reopening, by the facilitator, append-only. Not behind `whileOpen`: reopening is the
 * one write an ended session takes. The event is stamped strictly after the latest one, so the
 * order of the history is the order the room received it in, even within one millisecond.
 */
function sessionEventRule(deps: SessionAuthorizerDeps): Rule<SessionEventRecord> {
	const { lifecycle } = deps
	return (write) => {
		const { role, userId, name } = write.session.meta
		if (!contributes(role)) return REASON.observer
		const isReopen = write.type === 'create' && write.next.action === 'reopen'
		if (lifecycle.isEnded && !(isFacilitator(role) && isReopen)) return REASON.sessionEnded
		if (!isFacilitator(role)) return REASON.sessionEvent
		if (write.type !== 'create') return REASON.sessionEventHistory
		if (isReopen && !lifecycle.isEnded) return REASON.sessionNotEnded
		const latestAt = lifecycle.latestAt
		const stamped: SessionEventRecord = {
			...write.next,
			nextSessionDate: isReopen ? '' : write.next.nextSessionDate,
			at: latestAt === null ? deps.now() : Math.max(deps.now(), latestAt + 1),
			by: userId,
			byName: name,
		}
		// tldraw validates after this returns; an invalid event must not end or reopen anything.
		if (!isValid(sessionEventRecordConfig.validator, stamped)) return write.next
		lifecycle.provisionally(stamped)
		return stamped
	}
}

export function sessionAuthorizers(deps: SessionAuthorizerDeps): TLRecordAuthorizers<TLRecord, Person> {
	const { onReject, lifecycle } = deps
	const guarded = <R extends TLRecord>(rule: Rule<R>) => reportingRefusals(whileOpen(lifecycle, rule), onReject)
	return {
		threat: guarded(threatRule(deps)),
		vote: guarded(voteRule(deps)),
		'na-mark': guarded(naMarkRule(deps)),
		'scope-item': guarded(scopeItemRule(deps)),
		walk: guarded(walkRule),
		'phase-event': guarded(appendOnlyEvent<PhaseEventRecord>(deps, REASON.phase)),
		'timer-event': guarded(appendOnlyEvent<TimerEventRecord>(deps, REASON.timer)),
		decision: guarded(decisionRule(deps)),
		mitigation: guarded(mitigationRule(deps)),
		...workshopNotebookRules(deps, guarded),
		...metadataAndReviewRules(deps, guarded, (rule) => reportingRefusals(rule, onReject)),
		'session-event': reportingRefusals(sessionEventRule(deps), onReject),
		// The guest book is the room's own (party/canvasRoom.ts): nobody may add, rename or remove a guest.
		attendance: reportingRefusals<AttendanceRecord>(() => REASON.attendance, onReject),
		// So is the change history (party/roomHistory.ts): clients read it, never write it.
		'history-entry': reportingRefusals<HistoryEntryRecord>(() => REASON.historyEntry, onReject),
	}
}
