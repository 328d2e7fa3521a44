import { compareHumanIds } from '@/lib/analysis/humanIdOrder'
import { composeId, type IdScope } from '@/lib/session/composedIds'
import { orderedReviewEvents } from '@/lib/session/reviewStatus'
import { isoInstant } from './buildThreats'
import { type ModelMetadataEntry, type ModelReview, NOT_REVIEWED } from './metadataModel'
import type { MetadataInput, ReviewEventInput, SessionModelInput, ThreatInput } from './sessionModelInput'

const KIND_ORDER = { session: 0, element: 1, threat: 2 } as const

/**
 * Every metadata entry whose target is in the model: the session's, those of elements on a
 * diagram and of live threats; an entry on a removed element or a deleted threat goes with it.
 * Session first, then by human ID and key.
 */
export function buildMetadata(input: SessionModelInput): ModelMetadataEntry[] {
	const elementHumanId = new Map(input.elements.map((element) => [element.shapeId, element.humanId]))
	const threatHumanId = new Map(input.threats.filter((threat) => !threat.isDeleted).map((threat) => [threat.id, threat.humanId]))
	const entries = (input.metadata ?? []).flatMap((entry: MetadataInput): ModelMetadataEntry[] => {
		const { target, key, value } = entry
		if (target === 'session') return [{ targetKind: 'session', targetId: null, targetHumanId: null, key, value }]
		const element = elementHumanId.get(target)
		if (element !== undefined) return [{ targetKind: 'element', targetId: target, targetHumanId: element, key, value }]
		const threat = threatHumanId.get(target)
		if (threat !== undefined) return [{ targetKind: 'threat', targetId: target, targetHumanId: threat, key, value }]
		return []
	})
	return entries.sort(
		(a, b) =>
			KIND_ORDER[a.targetKind] - KIND_ORDER[b.targetKind] ||
			compareHumanIds(a.targetHumanId ?? '', b.targetHumanId ?? '') ||
			(a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
	)
}

/** The review status in force and how it got there. */
export function buildReview(events: readonly ReviewEventInput[]): ModelReview {
	const history = orderedReviewEvents(events.filter((event) => event.seq > 0)).map((event) => ({
		status: event.status,
		setByName: event.byName,
		setAt: isoInstant(event.at),
	}))
	const latest = history.at(-1)
	return latest ? { ...latest, history } : NOT_REVIEWED
}

/** The threats with the human IDs every export shows: `PAY.S03.T-007` with a project prefix, as they are without. */
export function withComposedThreatIds<T extends Pick<ThreatInput, 'humanId'>>(threats: readonly T[], scope: IdScope): T[] {
	if (scope.projectPrefix === null) return [...threats]
	return threats.map((threat) => ({ ...threat, humanId: composeId(scope, threat.humanId) }))
}
