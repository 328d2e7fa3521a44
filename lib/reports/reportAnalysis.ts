import { DFD_KIND_LABEL } from '@/lib/dfd/elementKinds'
import { trustZoneLabel } from '@/lib/dfd/labels'
import { diagramSvg } from './diagramSvg'
import { ciaNeedLabel, DECISION_LABELS } from './labels'
import { type Block, type Cell, cell, type Section } from './reportDocument'
import type { Diagram, ModelElement, SessionModel } from './sessionModel'
import { categoryNames, componentLabelFor, cvssText, decidedByLabel, dayOf, priorityText, scopeLinksText } from './threatFacts'

function kindLabel(element: ModelElement): string {
	if (element.kind === 'text') return 'Note'
	if (element.kind === 'boundary' && element.points.length > 0) return 'Trust boundary (line)'
	return DFD_KIND_LABEL[element.kind]
}

function scopeNote(element: ModelElement): string {
	if (!element.outOfScope) return 'in scope'
	return element.reasonOutOfScope ? `out of scope: ${element.reasonOutOfScope}` : 'out of scope'
}

function diagramBlocks(diagram: Diagram): Block[] {
	const listed = diagram.elements.filter((element) => element.kind !== 'text')
	return [
		{ kind: 'heading', text: diagram.name || 'Untitled diagram' },
		{
			kind: 'figure',
			svg: diagramSvg(diagram),
			alt: `Data flow diagram: ${diagram.name}`,
			image: { kind: 'diagram', pageId: diagram.pageId, name: diagram.name },
		},
		listed.length === 0
			? { kind: 'paragraph', content: [{ em: 'No elements on this diagram.' }] }
			: {
					kind: 'table',
					head: ['ID', 'Kind', 'Name', 'Description', 'Trust zone', 'Scope'],
					rows: listed.map((element) => [
						element.humanId || '—',
						kindLabel(element),
						element.name,
						element.description,
						element.zone === null ? '—' : trustZoneLabel(element.zone),
						scopeNote(element),
					]),
				},
	]
}

export function systemOverview(model: SessionModel): Section {
	const blocks = model.diagrams.flatMap(diagramBlocks)
	return {
		id: 'diagrams',
		title: 'System overview',
		blocks: blocks.length > 0 ? blocks : [{ kind: 'paragraph', content: [{ em: 'No diagrams were drawn.' }] }],
	}
}

export function assetsSection(model: SessionModel): Section {
	const { assets } = model.scope
	return {
		id: 'assets',
		title: 'Assets',
		blocks:
			assets.length === 0
				? [{ kind: 'paragraph', content: [{ em: 'No assets recorded.' }] }]
				: [
						{
							kind: 'table',
							head: ['ID', 'Asset', 'Description', 'Confidentiality', 'Integrity', 'Availability'],
							rows: assets.map((asset) => [
								asset.humanId,
								asset.title,
								asset.description,
								ciaNeedLabel(asset.confidentiality),
								ciaNeedLabel(asset.integrity),
								ciaNeedLabel(asset.availability),
							]),
						},
					],
	}
}

/** `leftOut`: threats the team excluded from the report (includeInReport false); the inventory says how many. */
export function threatInventory(model: SessionModel, leftOut = 0): Section {
	const component = componentLabelFor(model)
	const rows: Cell[][] = model.threats.map((threat) => [
		threat.humanId,
		component(threat.elementShapeId),
		cell({ strong: threat.title }),
		threat.description,
		categoryNames(model.session.framework, threat.categories),
		String(threat.effective.likelihood),
		String(threat.effective.impact),
		String(threat.effective.score),
		cell(threat.effective.band, threat.effective.band),
		threat.status,
		threat.severity,
		cvssText(threat),
		priorityText(threat),
		scopeLinksText(model.scope.assets, threat.assetHumanIds),
		scopeLinksText(model.scope.threatAgents, threat.agentHumanIds),
		threat.decision ? `${DECISION_LABELS[threat.decision.kind]} — ${decidedByLabel(threat.decision)}, ${dayOf(threat.decision.decidedAt)}` : 'Undecided',
		String(threat.votes.length),
	])
	return {
		id: 'threats',
		title: 'Threat inventory',
		blocks: [
			{
				kind: 'paragraph',
				content: [
					'Likelihood (L) and impact (I) are the values the group agreed, else the author’s; score = L × I. ' +
						'The CVSS column gives the base score computed from the vector; a priority marked “(set)” was set by hand, the others follow the risk band. ' +
						'A threat on the whole model rather than one element says “Whole model”.',
				],
			},
			...(leftOut > 0
				? [
						{
							kind: 'paragraph' as const,
							content: [
								`${leftOut} ${leftOut === 1 ? 'threat is' : 'threats are'} left out of this report by the team’s choice; the JSON export has them, flagged.`,
							],
						},
					]
				: []),
			rows.length === 0
				? { kind: 'paragraph', content: [{ em: 'No threats in this report.' }] }
				: {
						kind: 'table',
						head: [
							'ID',
							'Component',
							'Threat',
							'Description',
							'Categories',
							'L',
							'I',
							'Score',
							'Band',
							'Status',
							'Severity',
							'CVSS',
							'Priority',
							'Assets',
							'Threat agents',
							'Decision',
							'Votes',
						],
						numeric: [5, 6, 7, 16],
						rows,
					},
		],
	}
}
