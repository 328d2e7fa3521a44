import { z } from 'zod'
import { boundsSchema, trustZoneSchema } from '@/lib/analysis/trustZones'
import { dfdPropertiesSchema } from '@/lib/dfd/dfdElementSchema'
import { elementKindSchema } from '@/lib/frameworks/elementKind'
import { frameworkIdSchema } from '@/lib/frameworks/frameworkTypes'
import { CVSS_SEVERITIES } from '@/lib/risk/cvss31'
import { RISK_BAND_NAMES, riskLevelSchema, riskScoreSchema } from '@/lib/risk/riskScore'
import { PRIORITIES } from '@/lib/risk/threatPriority'
import { SEVERITIES, threatStatusSchema } from '@/lib/risk/threatStatus'
import { DECISION_KINDS } from '@/lib/session/records/decisionRecord'
import { MITIGATION_KINDS, MITIGATION_STATUSES } from '@/lib/session/records/mitigationRecord'
import { CIA_NEEDS } from '@/lib/session/records/scopeItemRecord'
import { ROLES, SESSION_STATUSES } from '@/lib/sessionEnums'
import { modelRating } from './modelRating'
import { attackTreeSchema, parkedQuestionSchema, workshopNoteSchema } from './notebookModel'
import { metadataEntrySchema, NOT_REVIEWED, reviewSchema } from './metadataModel'
import { EMPTY_HISTORY, historySchema } from './historySchema'
import { EMPTY_HISTORY_SUMMARY, historySummarySchema } from './historySummary'
import { REPORT_VIEWS, type ReportView } from './reportViews'

// The exchange format of a whole session (docs/export-format.md documents every field). Readers
// ignore fields they do not know, so adding a field is not a new version; renaming, removing or
// changing the meaning of one is.

export const SESSION_MODEL_FORMAT = 'threatroom-session'
export const SESSION_MODEL_VERSION = 1

export { REPORT_VIEWS, type ReportView }
const reportViewSchema = z.enum(REPORT_VIEWS)

/** Instants as ISO 8601 UTC (`2025-03-01T09:30:00.000Z`); calendar days as `YYYY-MM-DD`. */
const instant = z.iso.datetime()
const calendarDate = z.iso.date()

const pointSchema = z.object({ x: z.number(), y: z.number() })
export type Point = z.infer<typeof pointSchema>

/** Scalar values of a Threat Dragon `summary` we have no field for (newer TD versions' release version and date…), written back on export. */
export const summaryExtrasSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))

/** Provenance of a model imported from OWASP Threat Dragon. */
const modelSourceSchema = z.object({ tool: z.literal('threat-dragon'), summary: summaryExtrasSchema })

const sessionInfoSchema = z.object({
	id: z.string().min(1),
	name: z.string(),
	description: z.string(),
	framework: frameworkIdSchema,
	status: z.enum(SESSION_STATUSES),
	createdAt: instant,
	endedAt: instant.nullable(),
	nextSessionDate: calendarDate.nullable(),
	previousSessionId: z.string().min(1).nullable(),
	/** Where the model came from, when an import; absent from files written before it existed. */
	source: modelSourceSchema.nullable().default(null),
	/** The project prefix threat IDs are composed with (`PAY` → `PAY.S01.T-007`); null for none. */
	projectPrefix: z.string().nullable().default(null),
	/** Which session of its chain this is: 1, then each follow-up's previous + 1 (`S01`, `S02`…). */
	sessionNumber: z.number().int().positive().default(1),
	/** The review status the facilitator set; 'notStarted' in files written before it existed. */
	review: reviewSchema.default(NOT_REVIEWED),
})

const participantSchema = z.object({ name: z.string(), role: z.enum(ROLES) })

const scopeEntrySchema = z.object({ humanId: z.string(), title: z.string(), description: z.string() })
const ciaNeedSchema = z.enum(CIA_NEEDS).nullable()
const assetSchema = scopeEntrySchema.extend({
	confidentiality: ciaNeedSchema,
	integrity: ciaNeedSchema,
	availability: ciaNeedSchema,
})
const threatAgentSchema = scopeEntrySchema.extend({ inScope: z.boolean() })
const scopeSchema = z.object({
	useCases: z.array(scopeEntrySchema),
	assets: z.array(assetSchema),
	threatAgents: z.array(threatAgentSchema),
	assumptions: z.array(scopeEntrySchema),
	compliance: z.array(scopeEntrySchema),
	/** What the model deliberately leaves out (absent from files written before it existed). */
	outOfScope: z.array(scopeEntrySchema).default([]),
})

const elementSchema = z.object({
	shapeId: z.string().min(1),
	/** '' for text notes, which have none. */
	humanId: z.string(),
	kind: elementKindSchema,
	name: z.string(),
	description: z.string(),
	outOfScope: z.boolean(),
	reasonOutOfScope: z.string(),
	properties: dfdPropertiesSchema,
	/** Page coordinates; a flow's or line boundary's box is that of its points. */
	bounds: boundsSchema,
	/** Flows only: the elements the ends are bound to, null for a loose end. */
	sourceShapeId: z.string().min(1).nullable(),
	targetShapeId: z.string().min(1).nullable(),
	/** Flows and line boundaries: start, bends, end in page coordinates; [] for boxes. */
	points: z.array(pointSchema),
	/** A box boundary's own zone; the zone a node's centre sits in; null for flows, lines, text. */
	zone: z.nullable(trustZoneSchema),
})

/** Provenance of a diagram imported from OWASP Threat Dragon, kept so an export can round-trip. */
export const diagramSourceSchema = z.object({
	tool: z.literal('threat-dragon'),
	id: z.union([z.number(), z.string()]),
	diagramType: z.string(),
})

const diagramSchema = z.object({
	pageId: z.string().min(1),
	name: z.string(),
	elements: z.array(elementSchema),
	source: diagramSourceSchema.nullable(),
})

const voteSchema = z.object({
	voterName: z.string(),
	likelihood: riskLevelSchema,
	impact: riskLevelSchema,
	votedAt: instant,
})

const decisionSchema = z.object({
	id: z.string().min(1),
	kind: z.enum(DECISION_KINDS),
	rationale: z.string(),
	mitigation: z.string(),
	owner: z.string(),
	dueDate: calendarDate.nullable(),
	issueUrl: z.string().nullable(),
	reviewDate: calendarDate.nullable(),
	deferUntil: calendarDate.nullable(),
	transferTo: z.string(),
	onBehalfOf: z.string(),
	decidedBy: z.string(),
	decidedByName: z.string(),
	decidedAt: instant,
})

const effectiveSchema = z.object({
	likelihood: riskLevelSchema,
	impact: riskLevelSchema,
	score: riskScoreSchema,
	band: z.enum(RISK_BAND_NAMES),
})

/** Threat Dragon's own values for an imported threat, written back on export while unchanged. */
export const threatSourceSchema = z.object({
	tool: z.literal('threat-dragon'),
	id: z.string(),
	status: z.string(),
	severity: z.string(),
	type: z.string(),
	score: z.string(),
	modelType: z.string(),
	number: z.number().int().nullable(),
})

const cvssSchema = z.object({
	vector: z.string(),
	baseScore: z.number().min(0).max(10),
	severity: z.enum(CVSS_SEVERITIES),
})

const threatSchema = z
	.object({
		id: z.string().min(1),
		humanId: z.string(),
		/** null for a model-level threat (found on no one element). */
		elementShapeId: z.string().min(1).nullable(),
		/** null when the element is no longer on any diagram, and for a model-level threat. */
		elementHumanId: z.string().nullable(),
		/** The framework's category ids, or 'other' for a threat no category fits. */
		categories: z.array(z.string()),
		title: z.string(),
		description: z.string(),
		likelihood: riskLevelSchema,
		impact: riskLevelSchema,
		agreedLikelihood: z.nullable(riskLevelSchema),
		agreedImpact: z.nullable(riskLevelSchema),
		effective: effectiveSchema,
		/**
		 * A summary of the threat's mitigations, kept for readers of version 1 files: their texts
		 * (title, then details) separated by a blank line, their owners, the earliest due date and the first issue link of
		 * those not done yet (else of all). `mitigations` below holds the records themselves.
		 */
		mitigation: z.string(),
		owner: z.string(),
		dueDate: calendarDate.nullable(),
		issueUrl: z.string().nullable(),
		/** The ids of the mitigations (top-level `mitigations`) that treat this threat. */
		mitigationIds: z.array(z.string()).default([]),
		status: threatStatusSchema,
		/** Triage severity set by hand; 'Unknown' until judged (files written before it: Unknown). */
		severity: z.enum(SEVERITIES).default('Unknown'),
		/** The CVSS 3.1 vector and the base score computed from it; null when none was given. */
		cvss: cvssSchema.nullable().default(null),
		/** The priority set by hand; null means the risk band's (`effectivePriority`). */
		priority: z.enum(PRIORITIES).nullable().default(null),
		/** The priority in force: the hand-set one, else the risk band's. */
		effectivePriority: z.enum(PRIORITIES).optional(),
		/** False: left out of the Markdown/HTML report, kept here and in the CSV. */
		includeInReport: z.boolean().default(true),
		/** The assets (scope.assets) and threat agents (scope.threatAgents) it names, by human ID. */
		assetHumanIds: z.array(z.string()).default([]),
		agentHumanIds: z.array(z.string()).default([]),
		createdByName: z.string(),
		createdAt: instant,
		votes: z.array(voteSchema),
		/** Oldest first; append-only. */
		decisions: z.array(decisionSchema),
		/** The decision in force: the latest by decidedAt. */
		decision: decisionSchema.nullable(),
		source: threatSourceSchema.nullable(),
	})
	.superRefine((threat, ctx) => {
		const expected = modelRating(threat)
		const { effective } = threat
		if (
			effective.likelihood !== expected.likelihood ||
			effective.impact !== expected.impact ||
			effective.score !== expected.score ||
			effective.band !== expected.band
		) {
			ctx.addIssue({ code: 'custom', path: ['effective'], message: 'Must be the agreed rating, else the author’s' })
		}
		const latest = threat.decisions.at(-1) ?? null
		if ((latest?.id ?? null) !== (threat.decision?.id ?? null)) {
			ctx.addIssue({ code: 'custom', path: ['decision'], message: 'Must be the last entry of decisions' })
		}
	})

/** A mitigation record: what is done about one or more threats, and how we know it works. */
const mitigationSchema = z.object({
	id: z.string().min(1),
	humanId: z.string(),
	title: z.string(),
	description: z.string(),
	kind: z.enum(MITIGATION_KINDS),
	status: z.enum(MITIGATION_STATUSES),
	owner: z.string(),
	dueDate: calendarDate.nullable(),
	acceptanceCriteria: z.string(),
	verification: z.string(),
	issueUrl: z.string().nullable(),
	/** The threats it treats, by id and by human ID, in threat order; only threats of this file. */
	threatIds: z.array(z.string()),
	threatHumanIds: z.array(z.string()),
	createdByName: z.string(),
	createdAt: instant,
})

const naMarkSchema = z.object({
	elementShapeId: z.string().min(1),
	elementHumanId: z.string().nullable(),
	category: z.string(),
	reason: z.string(),
	markedByName: z.string(),
	markedAt: instant,
})

const coverageSummarySchema = z.object({
	covered: z.number().int().nonnegative(),
	applicable: z.number().int().nonnegative(),
	/** covered ÷ applicable; 1 when nothing applies (see lib/analysis/coverage.ts). */
	ratio: z.number().min(0).max(1),
})

const threatRefSchema = z.object({ id: z.string().min(1), humanId: z.string(), title: z.string(), elementHumanId: z.string().nullable() })
const elementRefSchema = z.object({ shapeId: z.string().min(1), humanId: z.string(), kind: elementKindSchema, name: z.string() })

/** What a follow-up changed since the session it continues (lib/reports/changesSince.ts); ids match across the two. */
const changesSinceSchema = z.object({
	previousSession: z.object({ id: z.string().min(1), name: z.string(), createdAt: instant, endedAt: instant.nullable() }),
	threats: z.object({
		/** In this session and not in the previous one. */
		new: z.array(threatRefSchema.extend({ effective: effectiveSchema, status: threatStatusSchema })),
		/** Open when the previous session ended, closed now (Resolved, Accepted, False Positive, Closed). */
		closed: z.array(threatRefSchema.extend({ from: threatStatusSchema, to: threatStatusSchema })),
		/** Whose effective rating (agreed, else the author's) is not what it was. */
		reRated: z.array(threatRefSchema.extend({ from: effectiveSchema, to: effectiveSchema })),
		/** Whose decision in force was taken since: one the previous session's history does not hold. */
		decided: z.array(threatRefSchema.extend({ decision: decisionSchema })),
	}),
	elements: z.object({ added: z.array(elementRefSchema), removed: z.array(elementRefSchema) }),
	/** Who changed what, from the change history: during the previous session, and in this one since. */
	history: z
		.object({ previousSession: historySummarySchema, sinceThen: historySummarySchema })
		.default({ previousSession: EMPTY_HISTORY_SUMMARY, sinceThen: EMPTY_HISTORY_SUMMARY }),
})

export const sessionModelSchema = z.object({
	format: z.literal(SESSION_MODEL_FORMAT),
	version: z.literal(SESSION_MODEL_VERSION),
	exportedAt: instant,
	view: reportViewSchema,
	session: sessionInfoSchema,
	participants: z.array(participantSchema),
	scope: scopeSchema,
	diagrams: z.array(diagramSchema),
	threats: z.array(threatSchema),
	/** By human ID (M-001…). Absent from files written before mitigations were records. */
	mitigations: z.array(mitigationSchema).default([]),
	naMarks: z.array(naMarkSchema),
	coverage: coverageSummarySchema,
	/** A follow-up's changes since the previous session; null otherwise (and for files written before it existed). */
	changesSince: changesSinceSchema.nullable().default(null),
	/** Attack trees, on threats or model-level goals (lib/reports/notebookModel.ts). */
	attackTrees: z.array(attackTreeSchema).default([]),
	/** The "What if…?" questions parked during the walk, and what each became. */
	parkingLot: z.array(parkedQuestionSchema).default([]),
	/** Every note, each with its include-in-report flag; the reports show the included ones. */
	notes: z.array(workshopNoteSchema).default([]),
	/** Who changed what, old → new (lib/history); empty for files written before it existed. */
	history: historySchema.default(EMPTY_HISTORY),
	/** Key=value metadata on the session, its elements and its threats (lib/reports/metadataModel.ts). */
	metadata: z.array(metadataEntrySchema).default([]),
})

export type ScopeEntry = z.infer<typeof scopeEntrySchema>
export type Scope = z.infer<typeof scopeSchema>
export type ModelElement = z.infer<typeof elementSchema>
export type DiagramSource = z.infer<typeof diagramSourceSchema>
export type ModelSource = z.infer<typeof modelSourceSchema>
export type SummaryExtras = z.infer<typeof summaryExtrasSchema>
export type Diagram = z.infer<typeof diagramSchema>
export type ModelVote = z.infer<typeof voteSchema>
export type ModelDecision = z.infer<typeof decisionSchema>
export type ThreatSource = z.infer<typeof threatSourceSchema>
export type ModelThreat = z.infer<typeof threatSchema>
export type ModelCvss = z.infer<typeof cvssSchema>
export type ModelNaMark = z.infer<typeof naMarkSchema>
export type ModelMitigation = z.infer<typeof mitigationSchema>
export type ChangesSince = z.infer<typeof changesSinceSchema>
export type SessionModel = z.infer<typeof sessionModelSchema>

/** The same schema as JSON Schema (draft 2020-12), for consumers outside TypeScript. */
export function sessionModelJsonSchema(): Record<string, unknown> {
	return z.toJSONSchema(sessionModelSchema, { target: 'draft-2020-12' })
}
