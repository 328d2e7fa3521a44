import { getFramework } from '@/lib/frameworks/frameworkCatalog'
import { RISK_BANDS } from '@/lib/risk/riskScore'
import { DECISION_LABELS, ROLE_LABELS } from './labels'
import { type Block, cell, type Inline, type Section } from './reportDocument'
import type { ModelThreat, ScopeEntry, SessionModel } from './sessionModel'
import { byRiskDescending, componentLabelFor, coveragePercent, dayOf, minuteOf } from './threatFacts'
import { isMitigated } from './views'

export const TOP_RISK_COUNT = 3

const VIEW_NOTICE: Record<SessionModel['view'], string | null> = {
	all: null,
	distributable:
		'Distributable edition: this report lists mitigated threats only (resolved, closed or false positive). ' +
		'Open, accepted, deferred and transferred risks are deliberately left out and reported separately.',
	unmitigated:
		'Unmitigated extract: this report lists only threats that are not yet mitigated, including accepted, ' +
		'deferred and transferred risks. Handle it as confidential.',
}

export function scopeList<T extends ScopeEntry>(items: readonly T[], extra?: (item: T) => Inline[]): Block {
	return {
		kind: 'list',
		items: items.map((item) => [
			{ strong: item.humanId || '—' },
			' ',
			item.title,
			...(item.description ? [' — ', item.description] : []),
			...(extra?.(item) ?? []),
		]),
	}
}

function emptyOr(blocks: Block[], when: boolean, text: string): Block[] {
	return when ? blocks : [{ kind: 'paragraph', content: [{ em: text }] }]
}

export function titlePage(model: SessionModel): Section {
	const { session, scope } = model
	const notice = VIEW_NOTICE[model.view]
	const participants = model.participants.map((person) => `${person.name} (${ROLE_LABELS[person.role]})`).join(', ')
	const facts: [string, Inline[]][] = [
		['Session ID', [session.id]],
		['Framework', [getFramework(session.framework).name]],
		['Held on', [dayOf(session.createdAt)]],
		['Ended', [session.endedAt ? minuteOf(session.endedAt) : `not yet (${session.status})`]],
		['Participants', [participants || '—']],
		['Previous session', [session.previousSessionId ?? '—']],
		['Next session', [session.nextSessionDate ?? '—']],
		['Report generated', [minuteOf(model.exportedAt)]],
	]
	return {
		id: 'session',
		title: 'Session',
		blocks: [
			...(notice ? [{ kind: 'notice', content: [notice] } satisfies Block] : []),
			{ kind: 'table', head: ['', ''], rows: facts.map(([label, value]) => [cell({ strong: label }), cell(value)]) },
			{ kind: 'heading', text: 'Scope' },
			{ kind: 'paragraph', content: [session.description || { em: 'No scope description was written.' }] },
			{ kind: 'heading', text: 'Use cases' },
			...emptyOr([scopeList(scope.useCases)], scope.useCases.length > 0, 'No use cases recorded.'),
			{ kind: 'heading', text: 'Threat agents' },
			...emptyOr(
				[scopeList(scope.threatAgents, (agent) => (agent.inScope ? [] : [' ', { em: '(out of scope)' }]))],
				scope.threatAgents.length > 0,
				'No threat agents recorded.',
			),
			{ kind: 'heading', text: 'Compliance requirements' },
			...emptyOr([scopeList(scope.compliance)], scope.compliance.length > 0, 'No compliance requirements recorded.'),
		],
	}
}

function topRisksTable(threats: readonly ModelThreat[], component: (shapeId: string) => string): Block {
	return {
		kind: 'table',
		head: ['ID', 'Threat', 'Component', 'Score', 'Band', 'Status', 'Decision'],
		numeric: [3],
		rows: threats.map((threat) => [
			threat.humanId,
			threat.title,
			component(threat.elementShapeId),
			String(threat.effective.score),
			cell(threat.effective.band, threat.effective.band),
			threat.status,
			threat.decision ? DECISION_LABELS[threat.decision.kind] : 'Undecided',
		]),
	}
}

export function executiveSummary(model: SessionModel): Section {
	const threats = model.threats
	const top = [...threats].sort(byRiskDescending).slice(0, TOP_RISK_COUNT)
	const residual = threats.filter((threat) => !isMitigated(threat))
	const percent = coveragePercent(model.coverage)
	const blocks: Block[] = [
		{
			kind: 'paragraph',
			content: [
				`${threats.length} ${threats.length === 1 ? 'threat' : 'threats'} in this report; `,
				`${threats.length - residual.length} mitigated, ${residual.length} not. `,
				`Coverage: ${model.coverage.covered} of ${model.coverage.applicable} element × category checks (${percent} %).`,
			],
		},
		{ kind: 'heading', text: `Top ${TOP_RISK_COUNT} risks` },
		...emptyOr([topRisksTable(top, componentLabelFor(model))], top.length > 0, 'No threats in this report.'),
		{ kind: 'heading', text: 'Residual risk' },
	]
	if (model.view === 'distributable') {
		blocks.push({ kind: 'paragraph', content: [{ em: 'Not part of the distributable edition.' }] })
	} else {
		blocks.push({
			kind: 'table',
			head: ['Band', 'Priority', 'Action', 'Unmitigated threats'],
			numeric: [3],
			compact: true,
			rows: RISK_BANDS.map((band) => [
				cell(band.name, band.name),
				band.priority,
				band.action,
				String(residual.filter((threat) => threat.effective.band === band.name).length),
			]),
		})
	}
	return { id: 'summary', title: 'Executive summary', blocks }
}
