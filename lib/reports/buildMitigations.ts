import { compareHumanIds } from '@/lib/analysis/humanIdOrder'
import { isoInstant, orNull } from './buildThreats'
import { compareThreatHumanIds } from './ordering'
import type { ModelMitigation, ModelThreat } from './sessionModel'
import type { MitigationInput } from './sessionModelInput'

/** Done, one way or the other: in place, or decided against. */
function isSettledMitigation(mitigation: Pick<ModelMitigation, 'status'>): boolean {
	return mitigation.status === 'inPlace' || mitigation.status === 'wontDo'
}

/**
 * The mitigations with the threats they treat, restricted to the live threats of the model (a
 * link to a deleted or unknown threat is dropped, the mitigation kept), by human ID.
 */
export function buildMitigations(mitigations: readonly MitigationInput[], threats: readonly ModelThreat[]): ModelMitigation[] {
	const threatById = new Map(threats.map((threat) => [threat.id, threat]))
	return mitigations
		.map((mitigation) => {
			const treated = mitigation.threatIds.flatMap((id) => threatById.get(id) ?? []).sort((a, b) => compareThreatHumanIds(a.humanId, b.humanId))
			return {
				id: mitigation.id,
				humanId: mitigation.humanId,
				title: mitigation.title,
				description: mitigation.description,
				kind: mitigation.kind,
				status: mitigation.status,
				owner: mitigation.owner,
				dueDate: orNull(mitigation.dueDate),
				acceptanceCriteria: mitigation.acceptanceCriteria,
				verification: mitigation.verification,
				issueUrl: orNull(mitigation.issueUrl),
				threatIds: treated.map((threat) => threat.id),
				threatHumanIds: treated.map((threat) => threat.humanId),
				createdByName: mitigation.createdByName,
				createdAt: isoInstant(mitigation.createdAt),
			}
		})
		.sort((a, b) => compareHumanIds(a.humanId, b.humanId) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || (a.id < b.id ? -1 : 1))
}

/** The mitigation in one text: its title and details (details that already start with the title, as imported ones do, alone). */
export function mitigationText(mitigation: Pick<ModelMitigation, 'title' | 'description'>): string {
	const details = mitigation.description.trim()
	if (details === '') return mitigation.title
	return details.startsWith(mitigation.title) ? mitigation.description : `${mitigation.title}\n\n${mitigation.description}`
}

/**
 * Each threat with the ids of its mitigations and the version-1 summary fields (sessionModel.ts):
 * what is still to do speaks for the threat; once all is settled, everything does.
 */
export function withMitigationSummaries(threats: readonly ModelThreat[], mitigations: readonly ModelMitigation[]): ModelThreat[] {
	return threats.map((threat) => {
		const own = mitigations.filter((mitigation) => mitigation.threatIds.includes(threat.id))
		const open = own.filter((mitigation) => !isSettledMitigation(mitigation))
		const speaking = open.length > 0 ? open : own
		const dueDates = speaking.flatMap((mitigation) => mitigation.dueDate ?? []).sort()
		return {
			...threat,
			mitigationIds: own.map((mitigation) => mitigation.id),
			mitigation: own.map(mitigationText).join('\n\n'),
			owner: [...new Set(speaking.map((mitigation) => mitigation.owner).filter(Boolean))].join(', '),
			dueDate: dueDates[0] ?? null,
			issueUrl: speaking.find((mitigation) => mitigation.issueUrl)?.issueUrl ?? null,
		}
	})
}
