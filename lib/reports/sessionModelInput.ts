import type { Bounds } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { MetadataEntryRecord } from '@/lib/session/records/metadataEntryRecord'
import type { ReviewEventRecord } from '@/lib/session/records/reviewEventRecord'
import type { AttackNodeRecord } from '@/lib/session/records/attackNodeRecord'
import type { MitigationRecord } from '@/lib/session/records/mitigationRecord'
import type { NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ParkedQuestionRecord } from '@/lib/session/records/parkedQuestionRecord'
import type { ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { VoteRecord } from '@/lib/session/records/voteRecord'
import type { WorkshopNoteRecord } from '@/lib/session/records/workshopNoteRecord'
import type { Role, SessionStatus } from '@/lib/sessionEnums'
import type { HistoryInput } from './buildHistory'
import type { DiagramSource, ModelSource, Point, ThreatSource } from './sessionModel'

// What buildSessionModel reads: plain rows and records as the app already holds them. Each shape
// is a structural subset of its record (ThreatRecord, VoteRecord…), so records pass as they are;
// ids are plain strings so an import can supply its own.

export interface SessionInput {
	id: string
	name: string
	description: string
	framework: FrameworkId
	status: SessionStatus
	/** Epoch milliseconds, like every instant below. */
	createdAt: number
	endedAt?: number | null
	/** YYYY-MM-DD */
	nextSessionDate?: string | null
	previousSessionId?: string | null
	source?: ModelSource | null
	/** The project prefix of composed IDs (`PAY`); null or absent for none. */
	projectPrefix?: string | null
	/** Which session of its chain this is; 1 when absent. */
	sessionNumber?: number
}

export interface ParticipantInput {
	name: string
	role: Role
}

/** A tldraw page: one diagram. Pages come out in the order given. */
export interface PageInput {
	id: string
	name: string
	source?: DiagramSource | null
}

/** A `dfd_elements` row (or a text note) plus its page-space geometry. */
export interface ElementInput {
	shapeId: string
	humanId: string
	kind: ElementKind
	name: string
	description: string
	outOfScope: boolean
	reasonOutOfScope: string
	properties: DfdProperties
	pageId: string
	sourceShapeId: string | null
	targetShapeId: string | null
	bounds: Bounds
	/** Flows and line boundaries: start, bends, end. */
	points?: readonly Point[]
}

/** A record as buildSessionModel reads it: branded ids widened to strings, so an import can supply its own. */
type AsInput<R, Ids extends keyof R> = Omit<R, 'typeName' | Ids> & { [K in Ids]: string }

/** The triage fields and scope links a threat record has; absent for inputs that have none (a Threat Dragon import). */
type ThreatTriageKey = 'severity' | 'cvssVector' | 'priority' | 'includeInReport' | 'assetIds' | 'agentIds'

export type ThreatInput = Omit<AsInput<ThreatRecord, 'id'>, 'sourceRuleId' | 'createdBy' | 'categories' | 'shapeId' | ThreatTriageKey> &
	Partial<Pick<ThreatRecord, 'severity' | 'cvssVector' | 'priority' | 'includeInReport'>> & {
		/** null for a model-level threat. */
		shapeId: string | null
		categories: readonly string[]
		/** Scope item ids (ScopeItemInput.id); ids of items no longer there are dropped. */
		assetIds?: readonly string[]
		agentIds?: readonly string[]
		source?: ThreatSource | null
	}

export type VoteInput = Pick<AsInput<VoteRecord, 'threatId'>, 'threatId' | 'voterName' | 'likelihood' | 'impact' | 'votedAt'>

export type DecisionInput = AsInput<DecisionRecord, 'id' | 'threatId'>

export type MitigationInput = Omit<AsInput<MitigationRecord, 'id'>, 'createdBy' | 'threatIds'> & { threatIds: readonly string[] }

export type NaMarkInput = Pick<AsInput<NaMarkRecord, 'shapeId'>, 'shapeId' | 'category' | 'reason' | 'markedByName' | 'markedAt'>

/** `id` lets a parked question name the scope item it became. */
export type ScopeItemInput = Omit<ScopeItemRecord, 'typeName' | 'id'> & { id?: string }

export type AttackNodeInput = Omit<AttackNodeRecord, 'typeName' | 'id' | 'ancestors' | 'threatId' | 'linkedThreatId'> & {
	id: string
	ancestors: readonly string[]
	threatId: string | null
	linkedThreatId: string | null
}

export type ParkedQuestionInput = Omit<ParkedQuestionRecord, 'typeName' | 'id' | 'shapeId'> & { id: string; shapeId: string | null }

export type WorkshopNoteInput = Omit<WorkshopNoteRecord, 'typeName' | 'id' | 'shapeId'> & { shapeId: string | null }

export type MetadataInput = Pick<MetadataEntryRecord, 'target' | 'key' | 'value'>

export type ReviewEventInput = Pick<ReviewEventRecord, 'status' | 'seq' | 'at' | 'byName'> & { id: string }

export interface SessionModelInput {
	/** When the export was made; passed in so the builder stays pure and its output reproducible. */
	exportedAt: number
	session: SessionInput
	participants: readonly ParticipantInput[]
	pages: readonly PageInput[]
	elements: readonly ElementInput[]
	threats: readonly ThreatInput[]
	votes: readonly VoteInput[]
	decisions: readonly DecisionInput[]
	/** Absent for inputs that have none (an import from a tool without them). */
	mitigations?: readonly MitigationInput[]
	naMarks: readonly NaMarkInput[]
	scopeItems: readonly ScopeItemInput[]
	/** The change history entries the room wrote; none for sources that have no history. */
	history?: readonly HistoryInput[]
	/** The notebook: absent where a caller has none (an import, an older test fixture). */
	attackNodes?: readonly AttackNodeInput[]
	parkedQuestions?: readonly ParkedQuestionInput[]
	notes?: readonly WorkshopNoteInput[]
	/** Key=value metadata on the session, elements and threats; absent where a caller has none. */
	metadata?: readonly MetadataInput[]
	/** The review status changes, in any order; none means 'not started'. */
	reviewEvents?: readonly ReviewEventInput[]
}
