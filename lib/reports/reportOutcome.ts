import { RISK_LEVELS, riskBandFor } from '@/lib/risk/riskScore'
import type { DecisionKind } from '@/lib/session/records/decisionRecord'
import { heatMap, heatMapCount } from './heatMap'
import { heatMapSvg } from './heatMapSvg'
import { type Block, type Cell, cell, type Section } from './reportDocument'
import { scopeList } from './reportIntro'
import { SESSION_MODEL_FORMAT, SESSION_MODEL_VERSION, type ModelThreat, type SessionModel } from './sessionModel'
import { byRiskDescending, categoryNames, componentLabelFor, coveragePercent, decidedByLabel, dayOf } from './threatFacts'
import { isMitigated } from './views'

const none = (text: string): Block => ({ kind: 'paragraph', content: [{ em: text }] })

const RETAINED: { kind: Exclude<DecisionKind, 'mitigate'>; title: string; extraHead: string; extra: (threat: ModelThreat) => string }[] = [
	{ kind: 'accept', title: 'Accepted risks', extraHead: 'Review on', extra: (threat) => threat.decision?.reviewDate ?? '' },
	{ kind: 'defer', title: 'Deferred risks', extraHead: 'Deferred until', extra: (threat) => threat.decision?.deferUntil ?? '' },
	{ kind: 'transfer', title: 'Transferred risks', extraHead: 'Transferred to', extra: (threat) => threat.decision?.transferTo ?? '' },
]

export function retainedRisksSection(model: SessionModel): Section {
	const blocks = RETAINED.flatMap(({ kind, title, extraHead, extra }): Block[] => {
		const threats = model.threats.filter((threat) => threat.decision?.kind === kind).sort(byRiskDescending)
		const table: Block = {
			kind: 'table',
			head: ['ID', 'Threat', 'Score', 'Rationale', extraHead, 'Decided by', 'Decided on'],
			numeric: [2],
			rows: threats.map((threat) => [
				threat.humanId,
				threat.title,
				cell(String(threat.effective.score), threat.effective.band),
				threat.decision?.rationale ?? '',
				extra(threat),
				threat.decision ? decidedByLabel(threat.decision) : '',
				threat.decision ? dayOf(threat.decision.decidedAt) : '',
			]),
		}
		return [{ kind: 'heading', text: title }, threats.length === 0 ? none('None in this report.') : table]
	})
	return { id: 'retained-risks', title: 'Accepted, deferred and transferred risks', blocks }
}

export function assumptionsSection(model: SessionModel): Section {
	const { assumptions, outOfScope } = model.scope
	const excluded: Block[] = outOfScope.length > 0 ? [{ kind: 'heading', text: 'Out of scope' }, scopeList(outOfScope)] : []
	return {
		id: 'assumptions',
		title: 'Assumptions',
		blocks: [assumptions.length === 0 ? none('No assumptions recorded.') : scopeList(assumptions), ...excluded],
	}
}

export function coverageSection(model: SessionModel): Section {
	const { covered, applicable } = model.coverage
	const component = componentLabelFor(model)
	return {
		id: 'coverage',
		title: 'Coverage',
		blocks: [
			{
				kind: 'paragraph',
				content: [
					{ strong: `${coveragePercent(model.coverage)} %` },
					` — ${covered} of ${applicable} applicable (element × category) checks were discussed: a threat was recorded, or the group ruled the category out.`,
				],
			},
			{ kind: 'heading', text: 'Categories ruled out' },
			model.naMarks.length === 0
				? none('None.')
				: {
						kind: 'table',
						head: ['Element', 'Category', 'Reason', 'Marked by'],
						rows: model.naMarks.map((mark) => [
							component(mark.elementShapeId),
							categoryNames(model.session.framework, [mark.category]),
							mark.reason,
							mark.markedByName,
						]),
					},
		],
	}
}

export function heatMapSection(model: SessionModel): Section {
	const counts = heatMap(model)
	const rows: Cell[][] = [...RISK_LEVELS]
		.reverse()
		.map((likelihood) => [
			cell({ strong: `L${likelihood}` }),
			...RISK_LEVELS.map((impact) => cell(String(heatMapCount(counts, likelihood, impact)), riskBandFor(likelihood, impact).name)),
		])
	return {
		id: 'heat-map',
		title: 'Heat map',
		blocks: [
			{ kind: 'paragraph', content: ['Threats in this report by likelihood (rows) and impact (columns).'] },
			{ kind: 'table', head: ['Likelihood \\ Impact', ...RISK_LEVELS.map((impact) => `I${impact}`)], numeric: [1, 2, 3, 4, 5], compact: true, rows },
			{ kind: 'figure', svg: heatMapSvg(counts), alt: 'Risk heat map: likelihood × impact', image: { kind: 'heatMap' } },
		],
	}
}

export function appendixSection(model: SessionModel, jsonExportUrl?: string): Section {
	const mitigated = model.threats.filter(isMitigated).length
	return {
		id: 'appendix',
		title: 'Appendix: machine-readable model',
		blocks: [
			{
				kind: 'paragraph',
				content: [
					`The complete model of session ${model.session.id} (${model.threats.length} threats, ${mitigated} mitigated, with votes and decision history) `,
					`is the session's JSON export, format "${SESSION_MODEL_FORMAT}" version ${SESSION_MODEL_VERSION}, documented in docs/export-format.md. `,
					'It is not reproduced here because of its length.',
					...(jsonExportUrl ? [' Download: ', { link: jsonExportUrl }] : []),
				],
			},
		],
	}
}
