import { applicableCategories, getFramework } from '@/lib/frameworks/frameworkCatalog'
import type { ElementKind } from '@/lib/frameworks/elementKind'
import type { SessionModelInput } from '@/lib/reports/sessionModelInput'
import type { MitigationId, MitigationRecord } from '@/lib/session/records/mitigationRecord'
import { defaultThreatTriage, type ThreatId, type ThreatRecord } from '@/lib/session/records/threatRecord'
import type { ImportedModel, ImportedThreat } from '@/lib/threatDragon/importedModel'
import { threatIdOfTd } from '@/lib/threatDragon/sessionInputFromImport'
import type { ImportIssue } from '@/lib/threatDragon/tdIssues'

/**
 * A threat record needs at least one category, and a TD type that names none of the framework's
 * gets none from the importer (with a warning). The threat still deserves to come across, so it
 * takes the first category that applies to its element, and a second warning says which: the
 * facilitator reviews it like any imported rating.
 */
function categoriesOf(threat: ImportedThreat | undefined, kind: ElementKind, warnings: ImportIssue[], path: string): string[] {
	if (!threat || threat.categories.length > 0) return threat ? [...threat.categories] : []
	const framework = getFramework(threat.framework)
	const fallback = applicableCategories(threat.framework, { kind })[0] ?? framework.categories[0]?.id
	if (fallback === undefined) return []
	const name = framework.categories.find((category) => category.id === fallback)?.name ?? fallback
	warnings.push({
		path,
		message: `${JSON.stringify(threat.title)}: no ${threat.framework} category in its type; set to ${name} so it can be saved — review it`,
	})
	return [fallback]
}

/**
 * The imported threats as `threat` records, stamped like the room stamps a new threat (T-001…,
 * the import as author, the import's time), TD's status and our rating from TD's severity/score.
 */
export function importedThreatRecords(
	input: SessionModelInput,
	model: ImportedModel,
	{ authorId, pathOf, warnings }: { authorId: string; pathOf: (recordId: string) => string; warnings: ImportIssue[] },
): ThreatRecord[] {
	const imported = new Map(model.diagrams.flatMap((diagram) => diagram.threats).map((threat) => [threatIdOfTd(threat.id), threat]))
	const kinds = new Map(input.elements.map((element) => [element.shapeId, element.kind]))
	return input.threats.map((threat) => ({
		// Our own id, derived from TD's (`threat:<td id>`): the validator checks its form with the rest.
		id: threat.id as ThreatId,
		typeName: 'threat',
		humanId: threat.humanId,
		shapeId: threat.shapeId as ThreatRecord['shapeId'],
		categories: categoriesOf(
			imported.get(threat.id),
			(threat.shapeId === null ? undefined : kinds.get(threat.shapeId)) ?? 'process',
			warnings,
			pathOf(threat.id),
		),
		title: threat.title,
		description: threat.description,
		likelihood: threat.likelihood,
		impact: threat.impact,
		agreedLikelihood: null,
		agreedImpact: null,
		status: threat.status,
		...defaultThreatTriage(),
		severity: threat.severity ?? 'Unknown',
		sourceRuleId: null,
		createdBy: authorId,
		createdByName: threat.createdByName,
		createdAt: threat.createdAt,
		isDeleted: false,
	}))
}

/** The import's mitigations as `mitigation` records, authored by the import like its threats. */
export function importedMitigationRecords(input: SessionModelInput, { authorId }: { authorId: string }): MitigationRecord[] {
	return (input.mitigations ?? []).map((mitigation) => ({
		...mitigation,
		id: mitigation.id as MitigationId,
		typeName: 'mitigation',
		threatIds: mitigation.threatIds.map((id) => id as ThreatId),
		createdBy: authorId,
	}))
}
