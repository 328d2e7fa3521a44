import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import { MITIGATION_TEXT_MAX } from '@/lib/session/records/mitigationRecord'
import { THREAT_DESCRIPTION_MAX, THREAT_TITLE_MAX } from '@/lib/session/records/threatRecord'
import type { ImportedThreat } from './importedModel'
import type { ImportWarnings } from './importWarnings'
import { categoryFromTdType } from './tdCategories'
import { ratingFromTd } from './tdRating'
import type { TdThreat } from './tdSchema'
import { frameworkFromTd, severityFromTd, statusFromTd } from './tdVocabulary'

export interface ThreatContext {
	cellId: string
	diagramFramework: FrameworkId
	path: readonly PropertyKey[]
	/** Threat ids already taken in this import. */
	usedIds: Set<string>
	warnings: ImportWarnings
}

/** TD's id (two spellings), else one derived from the cell, made unique within the import. */
function threatId(threat: TdThreat, index: number, context: ThreatContext): string {
	const base = threat.id ?? threat.threatId ?? `${context.cellId}-threat-${index + 1}`
	let id = base
	for (let n = 2; context.usedIds.has(id); n++) id = `${base}-${n}`
	if (id !== base) context.warnings.add([...context.path, 'id'], `duplicate threat id ${JSON.stringify(base)}; imported as ${JSON.stringify(id)}`)
	context.usedIds.add(id)
	return id
}

/**
 * The category: in the framework of the threat's own model type when we know it (a Generic
 * diagram holds STRIDE threats), else the diagram's; failing both, none, with a warning.
 */
function categorise(threat: TdThreat, context: ThreatContext): { framework: FrameworkId; categories: string[] } {
	const own = frameworkFromTd(threat.modelType)
	for (const framework of [own, context.diagramFramework]) {
		if (framework === null) continue
		const category = categoryFromTdType(framework, threat.type)
		if (category !== null) return { framework, categories: [category] }
	}
	const framework = own ?? context.diagramFramework
	context.warnings.add([...context.path, 'type'], `${JSON.stringify(threat.type)} is not a ${framework} category; pick one after the import`)
	return { framework, categories: [] }
}

export function importThreat(threat: TdThreat, index: number, context: ThreatContext): ImportedThreat {
	const { path, warnings } = context
	const id = threatId(threat, index, context)
	const status = statusFromTd(threat.status)
	if (status === null) warnings.add([...path, 'status'], `unknown status ${JSON.stringify(threat.status)}; imported as Open`)
	const severity = severityFromTd(threat.severity)
	const score = threat.score === undefined ? '' : String(threat.score)
	const rating = ratingFromTd(score, severity)
	const title = threat.title.trim() === '' ? 'Untitled threat' : threat.title
	return {
		id,
		elementCellId: context.cellId,
		...categorise(threat, context),
		title: warnings.fit(title, THREAT_TITLE_MAX, [...path, 'title']),
		description: warnings.fit(threat.description, THREAT_DESCRIPTION_MAX, [...path, 'description']),
		mitigation: warnings.fit(threat.mitigation, MITIGATION_TEXT_MAX, [...path, 'mitigation']),
		status: status ?? 'Open',
		severity,
		likelihood: rating.likelihood,
		impact: rating.impact,
		source: {
			tool: 'threat-dragon',
			id: threat.id ?? threat.threatId ?? '',
			status: threat.status,
			severity: threat.severity,
			type: threat.type,
			score,
			modelType: threat.modelType ?? '',
			number: threat.number ?? null,
		},
	}
}
