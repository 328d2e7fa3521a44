import { getFramework } from '@/lib/frameworks/frameworkCatalog'
import { RISK_BANDS, riskBand } from '@/lib/risk/riskScore'
import { DECISION_LABELS, ROLE_LABELS } from './labels'
import { type Block, cell, type Inline, type Section } from './reportDocument'
import { RESIDUAL_KINDS, type ResidualKind, type ResidualRisk, residualRiskLabel, residualRiskOf } from './residualRisk'
import type { ModelThreat, ScopeEntry, SessionModel } from './sessionModel'
import { byRiskDescending, componentLabelFor, coveragePercent, dayOf, minuteOf } from './threatFacts'
import { isMitigated } from './views'
import { projectFacts, reviewFact, sessionMetadataFact } from './reportMetadata'

const TOP_RISK_COUNT = 3

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
		...projectFacts(model),
		['Framework', [getFramework(session.framework).name]],
		['Held on', [dayOf(session.createdAt)]],
		['Ended', [session.endedAt ? minuteOf(session.endedAt) : `not yet (${session.status})`]],
		['Review status', reviewFact(model)],
		['Participants', [participants || '—']],
		['Previous session', [session.previousSessionId ?? '—']],
		['Next session', [session.nextSessionDate ?? '—']],
		...sessionMetadataFact(model),
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

function topRisksTable(threats: readonly ModelThreat[], component: (shapeId: string | null) => string): Block {
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

const RESIDUAL_HEAD: Record<ResidualKind, string> = {
	open: 'Open',
	mitigating: 'Mitigation planned',
	deferred: 'Deferred',
	accepted: 'Accepted',
	transferred: 'Transferred',
}

/** Only open work takes its band's priority: "Open — P0, act now". */
function residualText(threat: ModelThreat, risk: ResidualRisk): string {
	if (risk.kind !== 'open') return residualRiskLabel(risk)
	const band = riskBand(threat.effective.score)
	return `Open — ${band.priority}, ${band.action.toLowerCase()}`
}

function residualRiskBlocks(threats: readonly ModelThreat[]): Block[] {
	const residual = threats
		.map((threat) => ({ threat, risk: residualRiskOf(threat) }))
		.filter((entry): entry is { threat: ModelThreat; risk: ResidualRisk } => entry.risk !== null)
		.sort((a, b) => byRiskDescending(a.threat, b.threat))
	const count = (band: string, kind: ResidualKind) => String(residual.filter(({ threat, risk }) => threat.effective.band === band && risk.kind === kind).length)
	return [
		{
			kind: 'paragraph',
			content: [
				'Unmitigated threats by band and by the decision in force. A band’s priority applies to open (undecided) threats; ',
				'the others are being mitigated, or are risks the business decided to defer, accept or transfer.',
			],
		},
		{
			kind: 'table',
			head: ['Band', 'Priority (open)', ...RESIDUAL_KINDS.map((kind) => RESIDUAL_HEAD[kind])],
			numeric: RESIDUAL_KINDS.map((_, index) => index + 2),
			compact: true,
			rows: RISK_BANDS.map((band) => [cell(band.name, band.name), `${band.priority} ${band.action}`, ...RESIDUAL_KINDS.map((kind) => count(band.name, kind))]),
		},
		...emptyOr(
			[
				{
					kind: 'table',
					head: ['ID', 'Threat', 'Score', 'Band', 'Residual risk'],
					numeric: [2],
					rows: residual.map(({ threat, risk }) => [
						threat.humanId,
						threat.title,
						String(threat.effective.score),
						cell(threat.effective.band, threat.effective.band),
						residualText(threat, risk),
					]),
				},
			],
			residual.length > 0,
			'No unmitigated threats in this report.',
		),
	]
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
		// A "0 open risks" figure in an extract of mitigated threats would be false.
		...(model.view === 'distributable'
			? [{ kind: 'paragraph', content: [{ em: 'Not part of the distributable edition.' }] } satisfies Block]
			: residualRiskBlocks(threats)),
	]
	return { id: 'summary', title: 'Executive summary', blocks }
}
