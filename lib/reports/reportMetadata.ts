import { formatSessionNumber } from '@/lib/session/composedIds'
import { REVIEW_STATUS_LABEL } from '@/lib/session/records/reviewEventRecord'
import type { Inline, Section } from './reportDocument'
import type { ModelMetadataEntry } from './metadataModel'
import type { SessionModel } from './sessionModel'
import { minuteOf } from './threatFacts'

// The review status, the project's composed IDs and the key=value metadata in the reports.

/** "Approved — by Fay, 2025-03-01 10:06 UTC", or "Not started". */
export function reviewFact(model: SessionModel): Inline[] {
	const { review } = model.session
	const label = REVIEW_STATUS_LABEL[review.status]
	if (review.setByName === null || review.setAt === null) return [label]
	return [{ strong: label }, ` — by ${review.setByName}, ${minuteOf(review.setAt)}`]
}

/** "PAY · session S02 (threat IDs read PAY.S02.T-001)", only for a session with a project prefix. */
export function projectFacts(model: SessionModel): [string, Inline[]][] {
	const { projectPrefix, sessionNumber } = model.session
	if (projectPrefix === null) return []
	const session = formatSessionNumber(sessionNumber)
	return [['Project', [`${projectPrefix} · session ${session} (threat IDs read ${projectPrefix}.${session}.T-…)`]]]
}

/** `key=value` pairs, each key strong. */
function pairs(entries: readonly ModelMetadataEntry[]): Inline[] {
	return entries.flatMap((entry, index) => [...(index > 0 ? ['; '] : []), { strong: entry.key }, `=${entry.value}`])
}

/** The session's own metadata, for the title page; [] when none. */
export function sessionMetadataFact(model: SessionModel): [string, Inline[]][] {
	const own = model.metadata.filter((entry) => entry.targetKind === 'session')
	return own.length === 0 ? [] : [['Metadata', pairs(own)]]
}

/** One row per element and threat with metadata; null when none has any. */
export function metadataSection(model: SessionModel): Section | null {
	const tagged = model.metadata.filter((entry) => entry.targetKind !== 'session')
	if (tagged.length === 0) return null
	const names = new Map<string, string>([
		...model.diagrams.flatMap((diagram) => diagram.elements.map((element) => [element.shapeId, element.name] as const)),
		...model.threats.map((threat) => [threat.id, threat.title] as const),
	])
	const byTarget = new Map<string, ModelMetadataEntry[]>()
	for (const entry of tagged) byTarget.set(entry.targetId ?? '', [...(byTarget.get(entry.targetId ?? '') ?? []), entry])
	return {
		id: 'metadata',
		title: 'Metadata',
		blocks: [
			{
				kind: 'table',
				head: ['ID', 'Kind', 'Name', 'Metadata'],
				rows: [...byTarget.entries()].map(([targetId, entries]) => {
					const first = entries[0]
					return [first?.targetHumanId ?? '', first?.targetKind ?? '', names.get(targetId) ?? '', { content: pairs(entries) }]
				}),
			},
		],
	}
}
