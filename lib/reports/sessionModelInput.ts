import type { Bounds } from '@/lib/analysis/trustZones'
import type { DfdProperties } from '@/lib/dfd/dfdElementSchema'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { ThreatStatus } from '@/lib/risk/threatStatus'
import type { DecisionKind } from '@/lib/session/records/decisionRecord'
import type { CiaNeed, ScopeItemKind } from '@/lib/session/records/scopeItemRecord'
import type { Role, SessionStatus } from '@/lib/sessionEnums'
import type { DiagramSource, Point, ThreatSource } from './sessionModel'

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

export interface ThreatInput {
	id: string
	humanId: string
	shapeId: string
	categories: readonly string[]
	title: string
	description: string
	likelihood: number
	impact: number
	agreedLikelihood: number | null
	agreedImpact: number | null
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
	status: ThreatStatus
	createdByName: string
	createdAt: number
	isDeleted: boolean
	source?: ThreatSource | null
}

export interface VoteInput {
	threatId: string
	voterName: string
	likelihood: number
	impact: number
	votedAt: number
}

export interface DecisionInput {
	id: string
	threatId: string
	kind: DecisionKind
	rationale: string
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
	reviewDate: string
	deferUntil: string
	transferTo: string
	onBehalfOf: string
	decidedBy: string
	decidedByName: string
	decidedAt: number
}

export interface NaMarkInput {
	shapeId: string
	category: string
	reason: string
	markedByName: string
	markedAt: number
}

export interface ScopeItemInput {
	kind: ScopeItemKind
	humanId: string
	title: string
	description: string
	confidentiality: CiaNeed | null
	integrity: CiaNeed | null
	availability: CiaNeed | null
	inScope: boolean
	createdAt: number
}

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
	naMarks: readonly NaMarkInput[]
	scopeItems: readonly ScopeItemInput[]
}
