import { DFD_KIND_LABEL } from '@/lib/dfd/elementKinds'
import { DECISION_LABELS } from './labels'
import { type Block, type Cell, cell, type Section } from './reportDocument'
import { historySummaryBlocks } from './reportHistory'
import type { ChangesSince, SessionModel } from './sessionModel'
import { dayOf, decidedByLabel } from './threatFacts'

// The follow-up's "what changed since last time", placed right after the executive summary: it is
// the first thing the people who were at the previous session want to know.

const none = (text: string): Block => ({ kind: 'paragraph', content: [{ em: text }] })

function table(head: string[], rows: Cell[][], empty: string, numeric?: number[]): Block[] {
	return rows.length === 0 ? [none(empty)] : [{ kind: 'table', head, rows, numeric }]
}

const component = (elementHumanId: string | null) => elementHumanId ?? '(removed)'
const kindLabel = (kind: ChangesSince['elements']['added'][number]['kind']) => (kind === 'text' ? 'Note' : DFD_KIND_LABEL[kind])

function previousLabel(previous: ChangesSince['previousSession']): string {
	const name = previous.name || previous.id
	return `${name} (${dayOf(previous.endedAt ?? previous.createdAt)})`
}

export function changesSection(model: SessionModel): Section | null {
	const changes = model.changesSince
	if (!changes) return null
	const { threats, elements } = changes
	const score = (rating: { score: number; band: string }) => `${rating.score} (${rating.band})`
	return {
		id: 'changes',
		title: `Changes since ${previousLabel(changes.previousSession)}`,
		blocks: [
			{
				kind: 'paragraph',
				content: [
					`This session follows up session ${changes.previousSession.id}. Since then: `,
					`${threats.new.length} new, ${threats.closed.length} closed, ${threats.reRated.length} re-rated and ${threats.decided.length} newly decided threats in this report; `,
					`${elements.added.length} elements added and ${elements.removed.length} removed.`,
				],
			},
			{ kind: 'heading', text: 'New threats' },
			...table(
				['ID', 'Threat', 'Component', 'Score', 'Status'],
				threats.new.map((threat) => [
					threat.humanId,
					threat.title,
					component(threat.elementHumanId),
					cell(score(threat.effective), threat.effective.band),
					threat.status,
				]),
				'No new threats.',
			),
			{ kind: 'heading', text: 'Closed threats' },
			...table(
				['ID', 'Threat', 'Component', 'Was', 'Now'],
				threats.closed.map((threat) => [threat.humanId, threat.title, component(threat.elementHumanId), threat.from, threat.to]),
				'No threats closed.',
			),
			{ kind: 'heading', text: 'Re-rated threats' },
			...table(
				['ID', 'Threat', 'Was', 'Now'],
				threats.reRated.map((threat) => [threat.humanId, threat.title, cell(score(threat.from), threat.from.band), cell(score(threat.to), threat.to.band)]),
				'No threats re-rated.',
			),
			{ kind: 'heading', text: 'Decided threats' },
			...table(
				['ID', 'Threat', 'Decision', 'Decided by', 'Decided on'],
				threats.decided.map((threat) => [
					threat.humanId,
					threat.title,
					DECISION_LABELS[threat.decision.kind],
					decidedByLabel(threat.decision),
					dayOf(threat.decision.decidedAt),
				]),
				'No new decisions.',
			),
			{ kind: 'heading', text: 'Diagram changes' },
			...table(
				['Change', 'ID', 'Kind', 'Name'],
				[
					...elements.added.map((element) => ['Added', element.humanId, kindLabel(element.kind), element.name]),
					...elements.removed.map((element) => ['Removed', element.humanId, kindLabel(element.kind), element.name]),
				],
				'No elements added or removed.',
			),
			...historySummaryBlocks('Who changed what in the previous session', changes.history.previousSession),
			...historySummaryBlocks('Who changed what since', changes.history.sinceThen),
		],
	}
}
