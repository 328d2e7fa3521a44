import * as z from 'zod/mini'
import { RISK_BAND_NAMES } from '@/lib/risk/riskScore'
import { PRIORITIES } from '@/lib/risk/threatPriority'
import { SEVERITIES, threatStatusSchema } from '@/lib/risk/threatStatus'
import { DECISION_KINDS } from '@/lib/session/records/decisionRecord'
import { CIA_NEEDS, SCOPE_ITEM_KINDS } from '@/lib/session/records/scopeItemRecord'
import { SESSION_EVENT_ACTIONS } from '@/lib/session/records/sessionEventRecord'
import { PHASES, TIMER_ACTIONS } from '@/lib/session/records/walkRecords'

// The workshop records in `GET /api/sessions/:id`, as last saved by the room (see docs/api.md).
// Field names follow the record types of docs/protocol.md.

const phaseSchema = z.enum(PHASES)

const voteResponse = z.object({
	id: z.string(),
	voterId: z.string(),
	voterName: z.string(),
	likelihood: z.int(),
	impact: z.int(),
	votedAt: z.int(),
})

/** One entry of a threat's decision history (the record of docs/protocol.md, without `threatId`). */
const decisionResponse = z.object({
	id: z.string(),
	kind: z.enum(DECISION_KINDS),
	rationale: z.string(),
	mitigation: z.string(),
	owner: z.string(),
	dueDate: z.string(),
	issueUrl: z.string(),
	reviewDate: z.string(),
	deferUntil: z.string(),
	transferTo: z.string(),
	/** Set when the facilitator recorded it for someone else: that person's name. */
	onBehalfOf: z.string(),
	decidedBy: z.string(),
	decidedByName: z.string(),
	decidedAt: z.int(),
})
export type DecisionResponse = z.infer<typeof decisionResponse>

const threatResponse = z.object({
	id: z.string(),
	humanId: z.string(),
	/** null for a model-level threat. */
	shapeId: z.nullable(z.string()),
	/** The element's human ID when the room last saved, null if the shape is not an element. */
	elementHumanId: z.nullable(z.string()),
	categories: z.array(z.string()),
	title: z.string(),
	description: z.string(),
	/** The author's rating. */
	likelihood: z.int(),
	impact: z.int(),
	agreedLikelihood: z.nullable(z.int()),
	agreedImpact: z.nullable(z.int()),
	/** Agreed where set, else the author's: what the score is computed from. */
	effectiveLikelihood: z.int(),
	effectiveImpact: z.int(),
	riskScore: z.int(),
	riskBand: z.enum(RISK_BAND_NAMES),
	mitigation: z.string(),
	owner: z.string(),
	dueDate: z.string(),
	issueUrl: z.string(),
	status: threatStatusSchema,
	/** Triage, as the room keeps it (docs/protocol.md, `threat`). */
	severity: z.enum(SEVERITIES),
	cvssVector: z.nullable(z.string()),
	/** Set by hand; null means the risk band's priority. */
	priority: z.nullable(z.enum(PRIORITIES)),
	includeInReport: z.boolean(),
	/** Scope item ids (assets, threat agents) the threat names. */
	assetIds: z.array(z.string()),
	agentIds: z.array(z.string()),
	sourceRuleId: z.nullable(z.string()),
	createdBy: z.string(),
	createdByName: z.string(),
	createdAt: z.int(),
	isDeleted: z.boolean(),
	votes: z.array(voteResponse),
	/** Every decision on the threat, oldest first; never shortened. */
	decisions: z.array(decisionResponse),
	/** The latest of `decisions`, in force; null while the threat is undecided. */
	decision: z.nullable(decisionResponse),
})
export type ThreatResponse = z.infer<typeof threatResponse>

const naMarkResponse = z.object({
	id: z.string(),
	shapeId: z.string(),
	elementHumanId: z.nullable(z.string()),
	category: z.string(),
	reason: z.string(),
	markedBy: z.string(),
	markedByName: z.string(),
	markedAt: z.int(),
})

const ciaNeed = z.nullable(z.enum(CIA_NEEDS))

const scopeItemResponse = z.object({
	id: z.string(),
	kind: z.enum(SCOPE_ITEM_KINDS),
	humanId: z.string(),
	title: z.string(),
	description: z.string(),
	confidentiality: ciaNeed,
	integrity: ciaNeed,
	availability: ciaNeed,
	inScope: z.boolean(),
	createdAt: z.int(),
})

const phaseEventResponse = z.object({
	id: z.string(),
	phase: phaseSchema,
	at: z.int(),
	by: z.string(),
	byName: z.string(),
})

const timerEventResponse = z.object({
	id: z.string(),
	phase: phaseSchema,
	action: z.enum(TIMER_ACTIONS),
	amountMs: z.int(),
	at: z.int(),
	by: z.string(),
	byName: z.string(),
})

const sessionEventResponse = z.object({
	id: z.string(),
	action: z.enum(SESSION_EVENT_ACTIONS),
	nextSessionDate: z.string(),
	at: z.int(),
	by: z.string(),
	byName: z.string(),
})

const walkResponse = z.object({
	focusShapeId: z.nullable(z.string()),
	phaseMinutes: z.record(phaseSchema, z.int()),
	/** The phase of the latest phase change; the agenda's first phase (scope) before any. */
	phase: phaseSchema,
	/** When the current phase was entered (the room's clock); null before the first phase change. */
	phaseStartedAt: z.nullable(z.int()),
})

const coverageResponse = z.object({
	covered: z.int(),
	applicable: z.int(),
	ratio: z.number(),
	empty: z.boolean(),
	perElement: z.array(
		z.object({
			/** The element's shape id. */
			elementId: z.string(),
			applicable: z.array(z.string()),
			covered: z.array(z.string()),
			uncovered: z.array(z.string()),
		}),
	),
})

export const sessionRecordsResponse = z.object({
	threats: z.array(threatResponse),
	naMarks: z.array(naMarkResponse),
	scopeItems: z.array(scopeItemResponse),
	phaseEvents: z.array(phaseEventResponse),
	timerEvents: z.array(timerEventResponse),
	/** The facilitator's ends and reopens, oldest first; the latest decides `session.status`. */
	sessionEvents: z.array(sessionEventResponse),
	walk: walkResponse,
	coverage: coverageResponse,
})
export type SessionRecordsResponse = z.infer<typeof sessionRecordsResponse>
