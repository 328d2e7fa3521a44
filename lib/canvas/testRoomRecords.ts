import type { RecordId } from '@tldraw/store'
import { PageRecordType, type TLDocument, type TLRecord, type TLShapeId, TLDOCUMENT_ID } from '@tldraw/tlschema'
import { getIndicesAbove, ZERO_INDEX_KEY } from '@tldraw/utils'
import type { SessionModelInput } from '@/lib/reports/sessionModelInput'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { MitigationRecord } from '@/lib/session/records/mitigationRecord'
import { naMarkIdFor, type NaMarkRecord } from '@/lib/session/records/naMarkRecord'
import type { ScopeItemId, ScopeItemRecord } from '@/lib/session/records/scopeItemRecord'
import { defaultThreatTriage, type ThreatId, type ThreatRecord } from '@/lib/session/records/threatRecord'
import { voteIdFor, type VoteRecord } from '@/lib/session/records/voteRecord'
import { boxShape, flowRecords, textShape } from './importedShapes'

// Test support: a report fixture (lib/reports/testModel.ts) as the records a room would have saved
// for it, so route tests can seed a database with a realistic session and compare what the export
// gives back with the model the report tests already pin down. Not used by production code.

const userIdOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'someone'

function canvasRecords(input: SessionModelInput): TLRecord[] {
	const document: TLDocument = { id: TLDOCUMENT_ID, typeName: 'document', gridSize: 10, name: '', meta: {} }
	const pageIndices = getIndicesAbove(null, input.pages.length)
	const pages = input.pages.map((page, n) => ({
		...PageRecordType.create({ id: PageRecordType.createId(page.id.slice('page:'.length)), name: page.name, index: pageIndices[n] ?? ZERO_INDEX_KEY }),
	}))
	const nodeIds = new Set(input.elements.filter((element) => element.kind !== 'flow' && element.kind !== 'text').map((element) => element.shapeId))
	const shapes = pages.flatMap((page) => {
		const elements = input.elements.filter((element) => element.pageId === page.id)
		const indices = getIndicesAbove(null, elements.length)
		return elements.flatMap((element, n): TLRecord[] => {
			const at = { pageId: page.id, index: indices[n] ?? ZERO_INDEX_KEY }
			if (element.kind === 'flow') {
				const { arrow, bindings } = flowRecords(element, at, nodeIds)
				return [arrow, ...bindings]
			}
			if (element.kind === 'text') return [textShape(element, at)]
			return [boxShape(element, at)].filter((shape) => shape !== null)
		})
	})
	return [document, ...pages, ...shapes]
}

function workshopRecords(input: SessionModelInput): TLRecord[] {
	const threats = input.threats.map(
		({ source: _, ...threat }): ThreatRecord => ({
			...threat,
			id: threat.id as ThreatId,
			typeName: 'threat',
			shapeId: threat.shapeId as TLShapeId | null,
			categories: [...threat.categories],
			...defaultThreatTriage(),
			severity: threat.severity ?? 'Unknown',
			cvssVector: threat.cvssVector ?? null,
			priority: threat.priority ?? null,
			includeInReport: threat.includeInReport ?? true,
			assetIds: (threat.assetIds ?? []).map((id) => id as ScopeItemId),
			agentIds: (threat.agentIds ?? []).map((id) => id as ScopeItemId),
			sourceRuleId: null,
			createdBy: userIdOf(threat.createdByName),
		}),
	)
	const votes = input.votes.map(
		(vote): VoteRecord => ({
			id: voteIdFor(vote.threatId as ThreatId, userIdOf(vote.voterName)),
			typeName: 'vote',
			threatId: vote.threatId as ThreatId,
			voterId: userIdOf(vote.voterName),
			voterName: vote.voterName,
			likelihood: vote.likelihood,
			impact: vote.impact,
			votedAt: vote.votedAt,
		}),
	)
	const decisions = input.decisions.map(
		(decision): DecisionRecord => ({ ...decision, id: decision.id as RecordId<DecisionRecord>, typeName: 'decision', threatId: decision.threatId as ThreatId }),
	)
	const naMarks = input.naMarks.map(
		(mark): NaMarkRecord => ({
			...mark,
			id: naMarkIdFor(mark.shapeId as TLShapeId, mark.category),
			typeName: 'na-mark',
			shapeId: mark.shapeId as TLShapeId,
			markedBy: userIdOf(mark.markedByName),
		}),
	)
	const scope = input.scopeItems.map(
		(item): ScopeItemRecord => ({ ...item, id: `scope-item:${item.humanId}` as RecordId<ScopeItemRecord>, typeName: 'scope-item' }),
	)
	const mitigations = (input.mitigations ?? []).map(
		(mitigation): MitigationRecord => ({
			...mitigation,
			id: mitigation.id as RecordId<MitigationRecord>,
			typeName: 'mitigation',
			threatIds: mitigation.threatIds.map((id) => id as ThreatId),
			createdBy: 'user-dana',
		}),
	)
	return [...threats, ...votes, ...decisions, ...mitigations, ...naMarks, ...scope]
}

/** Every record of the session a room would hold: canvas first, then the workshop records. */
export function roomRecordsFromInput(input: SessionModelInput): TLRecord[] {
	return [...canvasRecords(input), ...workshopRecords(input)]
}
