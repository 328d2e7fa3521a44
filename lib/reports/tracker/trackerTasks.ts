import { mitigationText } from '../buildMitigations'
import { residualRiskOf } from '../residualRisk'
import type { ModelThreat, SessionModel } from '../sessionModel'
import { byRiskDescending, componentLabelFor, mitigationPlanOf } from '../threatFacts'
import { type Priority, threatPriority } from './threatPriority'

/** One tracker issue: a threat that still needs work, with what "done" means and whose it is. */
export interface TrackerTask {
	threatId: string
	humanId: string
	priority: Priority
	/** `[SEC][P0] T-002 Price tampering in the checkout request` */
	title: string
	description: string
	acceptanceCriteria: string[]
	owner: string
	dueDate: string | null
	issueUrl: string | null
	labels: string[]
}

const DEFAULT_TRACKER_PRIORITIES: readonly Priority[] = ['P0', 'P1']

/**
 * Work a tracker should hold: a threat that is open, or whose mitigation is decided but not yet
 * done. Accepted, transferred and deferred risks are decisions, not tasks; mitigated ones are done.
 */
function needsWork(threat: ModelThreat): boolean {
	const risk = residualRiskOf(threat)
	return risk !== null && (risk.kind === 'open' || risk.kind === 'mitigating')
}

function descriptionOf(threat: ModelThreat, model: SessionModel, component: (shapeId: string | null) => string): string {
	const mitigations = model.mitigations.filter((mitigation) => mitigation.threatIds.includes(threat.id))
	const decided = threat.decision?.kind === 'mitigate' ? threat.decision.mitigation : ''
	const lines = [
		threat.description.trim(),
		'',
		`Threat ${threat.humanId} on ${component(threat.elementShapeId)}, risk ${threat.effective.score} (${threat.effective.band}: likelihood ${threat.effective.likelihood} × impact ${threat.effective.impact}), status ${threat.status}.`,
		`From the threat model "${model.session.name}" (session ${model.session.id}).`,
	]
	const planned = [
		...mitigations.map((mitigation) => `${mitigation.humanId}: ${mitigationText(mitigation).replace(/\s+/g, ' ')}`),
		...(decided ? [`Decided: ${decided}`] : []),
	]
	if (planned.length > 0) lines.push('', 'Mitigation:', ...planned.map((text) => `- ${text}`))
	return lines.join('\n').trim()
}

/** The tasks for the threats of the model (a view already) with one of the given priorities, riskiest first. */
export function trackerTasks(model: SessionModel, priorities: readonly Priority[] = DEFAULT_TRACKER_PRIORITIES): TrackerTask[] {
	const component = componentLabelFor(model)
	return model.threats
		.filter((threat) => needsWork(threat) && priorities.includes(threatPriority(threat)))
		.sort(byRiskDescending)
		.map((threat) => {
			const priority = threatPriority(threat)
			const plan = mitigationPlanOf(threat)
			const criteria = model.mitigations
				.filter((mitigation) => mitigation.threatIds.includes(threat.id) && mitigation.status !== 'wontDo')
				.flatMap((mitigation) => (mitigation.acceptanceCriteria.trim() ? [`${mitigation.humanId}: ${mitigation.acceptanceCriteria.trim()}`] : []))
			return {
				threatId: threat.id,
				humanId: threat.humanId,
				priority,
				title: `[SEC][${priority}] ${threat.humanId} ${threat.title}`,
				description: descriptionOf(threat, model, component),
				acceptanceCriteria:
					criteria.length > 0 ? criteria : [`${threat.humanId} can no longer be exploited as described, verified and recorded in the threat model`],
				owner: plan.owner,
				dueDate: plan.dueDate,
				issueUrl: plan.issueUrl,
				labels: ['security', 'threat-model', priority],
			}
		})
}
