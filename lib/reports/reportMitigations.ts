import { MITIGATION_KIND_LABEL, MITIGATION_STATUS_LABEL } from '@/lib/session/records/mitigationRecord'
import { type Block, type Cell, cell, type Section } from './reportDocument'
import type { ModelMitigation, ModelThreat, SessionModel } from './sessionModel'
import { byRiskDescending } from './threatFacts'

const none = (text: string): Block => ({ kind: 'paragraph', content: [{ em: text }] })

function treats(mitigation: ModelMitigation): string {
	return mitigation.threatHumanIds.join(', ') || '—'
}

/** Threats the product owner decided to mitigate without any mitigation record: the decision's own words are the plan. */
function decidedWithoutRecord(model: SessionModel): ModelThreat[] {
	return model.threats.filter((threat) => threat.decision?.kind === 'mitigate' && threat.mitigationIds.length === 0).sort(byRiskDescending)
}

/** One row per mitigation (M-001…), with the threats it treats; then decided mitigations no record holds. */
export function mitigationPlanSection(model: SessionModel): Section {
	const rows: Cell[][] = model.mitigations.map((mitigation) => [
		mitigation.humanId,
		mitigation.title,
		MITIGATION_KIND_LABEL[mitigation.kind],
		treats(mitigation),
		mitigation.owner,
		mitigation.dueDate ?? '',
		MITIGATION_STATUS_LABEL[mitigation.status],
		cell({ link: mitigation.issueUrl }),
	])
	const decided: Cell[][] = decidedWithoutRecord(model).map((threat) => [
		'',
		threat.decision?.mitigation ?? '',
		'Decision',
		threat.humanId,
		threat.decision?.owner ?? '',
		threat.decision?.dueDate ?? '',
		`Decided (${threat.status})`,
		cell({ link: threat.decision?.issueUrl ?? null }),
	])
	const all = [...rows, ...decided]
	return {
		id: 'mitigation-plan',
		title: 'Mitigation plan',
		blocks: [
			all.length === 0
				? none('No mitigations planned in this report.')
				: { kind: 'table', head: ['ID', 'Mitigation', 'Type', 'Treats', 'Owner', 'Due', 'Status', 'Tracking'], rows: all },
		],
	}
}

/** How each mitigation will be shown to work: its acceptance criteria and verification. Won't-do ones have none to test. */
export function testPlanSection(model: SessionModel): Section {
	const tested = model.mitigations.filter((mitigation) => mitigation.status !== 'wontDo')
	const rows: Cell[][] = tested.map((mitigation) => [
		mitigation.humanId,
		mitigation.title,
		treats(mitigation),
		mitigation.acceptanceCriteria || cell({ em: 'not set' }),
		mitigation.verification || cell({ em: 'not set' }),
		MITIGATION_STATUS_LABEL[mitigation.status],
	])
	return {
		id: 'test-plan',
		title: 'Test plan',
		blocks: [
			rows.length === 0
				? none('No mitigations to verify in this report.')
				: { kind: 'table', head: ['ID', 'Mitigation', 'Treats', 'Acceptance criteria', 'How it is verified', 'Status'], rows },
		],
	}
}
