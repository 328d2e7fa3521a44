import type { MitigationRecord } from './records/mitigationRecord'

export interface MitigationProgress {
	total: number
	inPlace: number
	wontDo: number
	/** Planned or in progress. */
	open: number
}

/** The mitigations that name a threat, oldest first. */
export function mitigationsOfThreat<M extends Pick<MitigationRecord, 'threatIds' | 'createdAt' | 'id'>>(threatId: string, mitigations: readonly M[]): M[] {
	return mitigations
		.filter((mitigation) => mitigation.threatIds.some((id) => id === threatId))
		.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function mitigationProgress(mitigations: readonly Pick<MitigationRecord, 'status'>[]): MitigationProgress {
	const count = (status: MitigationRecord['status']) => mitigations.filter((mitigation) => mitigation.status === status).length
	const inPlace = count('inPlace')
	const wontDo = count('wontDo')
	return { total: mitigations.length, inPlace, wontDo, open: mitigations.length - inPlace - wontDo }
}

/** "2 of 3 in place", "1 of 2 in place, 1 won't do", "" with none: the threat's progress in the panel. */
export function mitigationProgressText(progress: MitigationProgress): string {
	if (progress.total === 0) return ''
	const wontDo = progress.wontDo > 0 ? `, ${progress.wontDo} won't do` : ''
	return `${progress.inPlace} of ${progress.total} in place${wontDo}`
}

/**
 * Whether the panel should suggest closing the threat: every mitigation is in place (none
 * abandoned) while the hand-set status still says work is open. The status itself stays the
 * facilitator's call, since "in place" is not yet "verified".
 */
export function suggestsResolving(progress: MitigationProgress, threatStatus: string): boolean {
	return (
		progress.total > 0 &&
		progress.inPlace === progress.total &&
		!['Resolved', 'Closed', 'Verification Pending', 'Accepted', 'False Positive'].includes(threatStatus)
	)
}

export interface LegacyMitigationColumns {
	mitigation: string
	owner: string
	dueDate: string
	issueUrl: string
}

/** The threat's old single-mitigation columns (the libSQL projection and GET /api/sessions/:id), summarised from its records. */
export function legacyMitigationColumns(mitigations: readonly MitigationRecord[]): LegacyMitigationColumns {
	const open = mitigations.filter((mitigation) => mitigation.status !== 'inPlace' && mitigation.status !== 'wontDo')
	const speaking = open.length > 0 ? open : mitigations
	return {
		mitigation: mitigations.map((mitigation) => mitigation.title).join('; '),
		owner: [...new Set(speaking.map((mitigation) => mitigation.owner).filter(Boolean))].join(', '),
		dueDate:
			speaking
				.map((mitigation) => mitigation.dueDate)
				.filter(Boolean)
				.sort()[0] ?? '',
		issueUrl: speaking.find((mitigation) => mitigation.issueUrl)?.issueUrl ?? '',
	}
}
