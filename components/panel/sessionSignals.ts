import { computed, type Computed, type Editor, type TLRecord } from 'tldraw'
import type { Coverage } from '@/lib/analysis/coverage'
import { buildElementContexts, type ElementContext } from '@/lib/analysis/suggestions'
import type { WalkStep } from '@/lib/analysis/walkOrder'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { buildThreats } from '@/lib/reports/buildThreats'
import type { ModelThreat } from '@/lib/reports/sessionModel'
import { canvasElements } from '@/lib/session/canvasElements'
import { type CurrentPhase, currentPhase } from '@/lib/session/currentPhase'
import { decisionHistories } from '@/lib/session/decisions'
import { dfdModelFromRecords } from '@/lib/session/dfdModelFromRecords'
import { type ElementBadge, elementBadges } from '@/lib/session/elementBadges'
import { historyByRecord } from '@/lib/history/historyText'
import type { HistoryEntryRecord } from '@/lib/session/records/historyEntryRecord'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { MetadataEntryRecord } from '@/lib/session/records/metadataEntryRecord'
import type { MitigationRecord } from '@/lib/session/records/mitigationRecord'
import { metadataByTarget, type MetadataPair } from '@/lib/session/metadata'
import { currentReview, type ReviewState } from '@/lib/session/reviewStatus'
import type { NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { SessionEventRecord } from '@/lib/session/records/sessionEventRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import { type PhaseEventRecord, type TimerEventRecord, WALK_ID, type WalkRecord } from '@/lib/session/records/walkRecords'
import { walkSettings } from '@/lib/session/recordFactories'
import { sessionCoverage } from '@/lib/session/sessionCoverage'
import { type SessionEndState, sessionEndState } from '@/lib/session/sessionEndState'
import { walkSteps } from '@/lib/session/walkSteps'

/** The diagram the walk is on: the focused element's page, else the page this person looks at. */
interface WalkPage {
	pageId: string
	contexts: ReadonlyMap<string, ElementContext>
	steps: WalkStep[]
}

/**
 * Everything the panel and the canvas overlays derive from the store, as tldraw signals: computed
 * once per editor, recomputed only when the records it reads change, shared by every component.
 */
export interface SessionSignals {
	framework: FrameworkId
	elements: Computed<DfdElement[]>
	threats: Computed<ThreatRecord[]>
	/** Threats not marked deleted, in the order they were raised. */
	liveThreats: Computed<ThreatRecord[]>
	votes: Computed<VoteRecord[]>
	/** Every mitigation, in the order they were proposed. */
	mitigations: Computed<MitigationRecord[]>
	naMarks: Computed<NaMarkRecord[]>
	scopeItems: Computed<ScopeItemRecord[]>
	phaseEvents: Computed<PhaseEventRecord[]>
	timerEvents: Computed<TimerEventRecord[]>
	/** The walk record, or the defaults before the facilitator first changes anything. */
	walk: Computed<WalkRecord>
	walkExists: Computed<boolean>
	phase: Computed<CurrentPhase>
	focusedElement: Computed<DfdElement | null>
	walkPage: Computed<WalkPage>
	coverage: Computed<Coverage>
	badges: Computed<Map<string, ElementBadge>>
	/** Each threat's decisions, oldest first; the last is in force (lib/session/decisions.ts). */
	decisionHistories: Computed<Map<string, DecisionRecord[]>>
	/**
	 * The live threats as the reports see them (lib/reports/buildThreats.ts): effective rating and
	 * decision in force, so the register, heat map and end summary agree with every export.
	 */
	ratedThreats: Computed<ModelThreat[]>
	/** Every end and reopen of the session, in no particular order. */
	sessionEvents: Computed<SessionEventRecord[]>
	/** Ended (read-only for everyone) or open, from the latest end or reopen. */
	sessionEnd: Computed<SessionEndState>
	/** Every change-history entry the room wrote (lib/history). */
	historyEntries: Computed<HistoryEntryRecord[]>
	/** Each tracked record's history, oldest first. */
	history: Computed<Map<string, HistoryEntryRecord[]>>
	/** Every key=value metadata entry. */
	metadataEntries: Computed<MetadataEntryRecord[]>
	/** Each target's ('session', a shape id, a threat id) entries in key order. */
	metadata: Computed<Map<string, MetadataPair[]>>
	/** The review status in force (lib/session/reviewStatus.ts). */
	review: Computed<ReviewState>
}

function byCreation(a: ThreatRecord, b: ThreatRecord): number {
	// Not stamped yet (createdAt 0): the author's own fresh threat, shown last where it will land.
	const at = (threat: ThreatRecord) => threat.createdAt || Number.MAX_SAFE_INTEGER
	return at(a) - at(b) || (a.id < b.id ? -1 : 1)
}

export function createSessionSignals(editor: Editor, framework: FrameworkId): SessionSignals {
	const { query } = editor.store
	const pages = query.records('page')
	const shapes = query.records('shape')
	const bindings = query.records('binding')
	const threats = computed('threats', () => [...query.records('threat').get()].sort(byCreation))
	const votes = query.records('vote')
	const mitigations = computed('mitigations', () =>
		[...query.records('mitigation').get()].sort((a, b) => (a.createdAt || Infinity) - (b.createdAt || Infinity) || (a.id < b.id ? -1 : 1)),
	)
	const naMarks = query.records('na-mark')
	const scopeItems = computed('scope items', () => [...query.records('scope-item').get()].sort((a, b) => (a.createdAt || Infinity) - (b.createdAt || Infinity)))
	const phaseEvents = query.records('phase-event')
	const timerEvents = query.records('timer-event')
	const walkRecord = computed('walk record', () => editor.store.get(WALK_ID))

	const canvasRecords = computed('canvas records', (): TLRecord[] => [...pages.get(), ...shapes.get(), ...bindings.get()])
	const elements = computed('dfd elements', () => canvasElements(canvasRecords.get()))
	const walk = computed('walk', () => walkSettings(walkRecord.get()))
	const focusedElement = computed('focused element', () => {
		const focus = walk.get().focusShapeId
		return focus === null ? null : (elements.get().find((element) => element.shapeId === focus) ?? null)
	})
	const walkPage = computed('walk page', (): WalkPage => {
		const pageId = focusedElement.get()?.pageId ?? editor.getCurrentPageId()
		const model = dfdModelFromRecords(canvasRecords.get(), {
			pageId,
			boundsOf: (shape) => editor.getShapePageBounds(shape) ?? null,
		})
		const contexts = buildElementContexts(model)
		return { pageId, contexts, steps: walkSteps(elements.get(), contexts, pageId) }
	})
	const liveThreats = computed('live threats', () => threats.get().filter((threat) => !threat.isDeleted))
	const coverage = computed('coverage', () => sessionCoverage(framework, elements.get(), threats.get(), naMarks.get()))
	const decisions = query.records('decision')
	const sessionEvents = query.records('session-event')
	const historyEntries = query.records('history-entry')
	const metadataEntries = query.records('metadata-entry')
	const reviewEvents = query.records('review-event')
	const ratedThreats = computed('rated threats', () => {
		const humanIdOfShape = new Map(elements.get().map((element) => [element.shapeId, element.humanId]))
		return buildThreats(liveThreats.get(), votes.get(), decisions.get(), humanIdOfShape)
	})

	return {
		framework,
		elements,
		threats,
		liveThreats,
		votes,
		mitigations,
		naMarks,
		scopeItems,
		phaseEvents,
		timerEvents,
		walk,
		walkExists: computed('walk exists', () => walkRecord.get() !== undefined),
		phase: computed('phase', () => currentPhase(phaseEvents.get())),
		focusedElement,
		walkPage,
		coverage,
		badges: computed('badges', () => elementBadges(threats.get(), coverage.get())),
		decisionHistories: computed('decision histories', () => decisionHistories(decisions.get())),
		ratedThreats,
		sessionEvents,
		sessionEnd: computed('session end', () => sessionEndState(sessionEvents.get())),
		historyEntries,
		history: computed('history', () => historyByRecord(historyEntries.get())),
		metadataEntries,
		metadata: computed('metadata', () => metadataByTarget(metadataEntries.get())),
		review: computed('review', () => currentReview(reviewEvents.get())),
	}
}
