import { compareHumanIds } from '@/lib/analysis/humanIdOrder'
import type { ScopeItemKind } from '@/lib/session/records/scopeItemRecord'
import { sessionCoverage } from '@/lib/session/sessionCoverage'
import { buildDiagrams } from './buildDiagrams'
import { buildMitigations, withMitigationSummaries } from './buildMitigations'
import { buildNotebook } from './buildNotebook'
import { buildHistory } from './buildHistory'
import { buildMetadata, buildReview, withComposedThreatIds } from './buildMetadata'
import { buildThreats, isoInstant, type ScopeLinkTargets } from './buildThreats'
import { type ModelNaMark, type Scope, SESSION_MODEL_FORMAT, SESSION_MODEL_VERSION, type SessionModel } from './sessionModel'
import type { NaMarkInput, ScopeItemInput, SessionModelInput } from './sessionModelInput'

function itemsOf(items: readonly ScopeItemInput[], kind: ScopeItemKind): ScopeItemInput[] {
	return items.filter((item) => item.kind === kind).sort((a, b) => compareHumanIds(a.humanId, b.humanId) || a.createdAt - b.createdAt)
}

function buildScope(items: readonly ScopeItemInput[]): Scope {
	const entry = ({ humanId, title, description }: ScopeItemInput) => ({ humanId, title, description })
	return {
		useCases: itemsOf(items, 'useCase').map(entry),
		assets: itemsOf(items, 'asset').map((item) => ({
			...entry(item),
			confidentiality: item.confidentiality,
			integrity: item.integrity,
			availability: item.availability,
		})),
		threatAgents: itemsOf(items, 'threatAgent').map((item) => ({ ...entry(item), inScope: item.inScope })),
		assumptions: itemsOf(items, 'assumption').map(entry),
		compliance: itemsOf(items, 'compliance').map(entry),
		outOfScope: itemsOf(items, 'outOfScope').map(entry),
	}
}

/** Scope item ids to human IDs, for threats' links; items without an id (an import's) cannot be linked. */
function scopeLinkTargets(items: readonly ScopeItemInput[]): ScopeLinkTargets {
	const of = (kind: ScopeItemKind) => new Map(items.flatMap((item) => (item.kind === kind && item.id !== undefined ? [[item.id, item.humanId] as const] : [])))
	return { assets: of('asset'), agents: of('threatAgent') }
}

function buildNaMarks(marks: readonly NaMarkInput[], humanIdOfShape: ReadonlyMap<string, string>): ModelNaMark[] {
	return marks
		.map((mark) => ({
			elementShapeId: mark.shapeId,
			elementHumanId: humanIdOfShape.get(mark.shapeId) ?? null,
			category: mark.category,
			reason: mark.reason,
			markedByName: mark.markedByName,
			markedAt: isoInstant(mark.markedAt),
		}))
		.sort((a, b) => compareHumanIds(a.elementHumanId ?? '', b.elementHumanId ?? '') || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
}

function buildCoverage(input: SessionModelInput) {
	const { covered, applicable, ratio } = sessionCoverage(input.session.framework, input.elements, input.threats, input.naMarks)
	return { covered, applicable, ratio }
}

/**
 * The whole session as one versioned document (sessionModel.ts), from the rows and records the app
 * holds. Pure: the same input gives the same model, byte for byte once serialised.
 */
export function buildSessionModel(given: SessionModelInput): SessionModel {
	const idScope = { projectPrefix: given.session.projectPrefix ?? null, sessionNumber: given.session.sessionNumber ?? 1 }
	// Composed once, here: every part of the model and every export built from it shows the same ID.
	const input: SessionModelInput = { ...given, threats: withComposedThreatIds(given.threats, idScope) }
	const humanIdOfShape = new Map(input.elements.map((element) => [element.shapeId, element.humanId]))
	const { session } = input
	const threats = buildThreats(input.threats, input.votes, input.decisions, humanIdOfShape, scopeLinkTargets(input.scopeItems))
	const mitigations = buildMitigations(input.mitigations ?? [], threats)
	return {
		format: SESSION_MODEL_FORMAT,
		version: SESSION_MODEL_VERSION,
		exportedAt: isoInstant(input.exportedAt),
		view: 'all',
		session: {
			id: session.id,
			name: session.name,
			description: session.description,
			framework: session.framework,
			status: session.status,
			createdAt: isoInstant(session.createdAt),
			endedAt: session.endedAt == null ? null : isoInstant(session.endedAt),
			nextSessionDate: session.nextSessionDate || null,
			previousSessionId: session.previousSessionId || null,
			source: session.source ? { tool: session.source.tool, summary: { ...session.source.summary } } : null,
			...idScope,
			review: buildReview(input.reviewEvents ?? []),
		},
		participants: input.participants.map(({ name, role }) => ({ name, role })),
		scope: buildScope(input.scopeItems),
		diagrams: buildDiagrams(input.pages, input.elements),
		threats: withMitigationSummaries(threats, mitigations),
		mitigations,
		naMarks: buildNaMarks(input.naMarks, humanIdOfShape),
		coverage: buildCoverage(input),
		// Filled in by withChangesSince for a follow-up, which needs the previous session's model too.
		changesSince: null,
		...buildNotebook(input),
		history: buildHistory(input.history ?? []),
		metadata: buildMetadata(input),
	}
}
