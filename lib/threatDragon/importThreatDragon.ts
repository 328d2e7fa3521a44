import type { SummaryExtras } from '@/lib/reports/sessionModel'
import type { ImportedDiagram, ImportedModel } from './importedModel'
import { importElement, rawNameOf } from './importElement'
import { importThreat } from './importThreat'
import { ImportWarnings } from './importWarnings'
import { type ImportIssue, tdErrorMap, toImportIssues } from './tdIssues'
import { type TdCell, type TdDiagram, tdModelSchema } from './tdSchema'
import { humanIdClaim } from './tdHumanIds'
import { frameworkFromTd } from './tdVocabulary'

/** A session always has a page to draw on, so a model without diagrams gets this one. */
export const EMPTY_MODEL_DIAGRAM_NAME = 'Diagram 1'

function emptyDiagram(): ImportedDiagram {
	return { tdId: 0, name: EMPTY_MODEL_DIAGRAM_NAME, description: '', diagramType: 'STRIDE', framework: 'STRIDE', elements: [], threats: [] }
}

export type ImportResult =
	/** `warnings`: what was changed to fit (shortened text, unknown statuses, loose flow ends…). */
	{ ok: true; model: ImportedModel; warnings: ImportIssue[] } | { ok: false; issues: ImportIssue[] }

/**
 * The element IDs (EE1, P1…) that exactly one cell's name in the whole file ends with. IDs are
 * unique per session, so one claimed twice — a hand-written name, a copied cell — is given to
 * neither, and both get new ones.
 */
function uniqueHumanIds(diagrams: readonly TdDiagram[], warnings: ImportWarnings): Set<string> {
	const claims = new Map<string, (string | number)[][]>()
	diagrams.forEach((diagram, d) => {
		diagram.cells.forEach((cell, c) => {
			const claim = humanIdClaim(rawNameOf(cell), cell.data.type)
			if (claim) claims.set(claim.humanId, [...(claims.get(claim.humanId) ?? []), ['detail', 'diagrams', d, 'cells', c, 'data', 'name']])
		})
	})
	const unique = new Set<string>()
	for (const [humanId, paths] of claims) {
		if (paths.length === 1) unique.add(humanId)
		else
			for (const path of paths)
				warnings.add(path, `ends with the ID ${humanId}, like ${paths.length - 1} other name(s); kept as part of the name, and a new ID is given`)
	}
	return unique
}

function importDiagram(diagram: TdDiagram, d: number, usedThreatIds: Set<string>, humanIds: ReadonlySet<string>, warnings: ImportWarnings): ImportedDiagram {
	// Other diagram types (Generic, EOP) have no framework of ours; STRIDE is what their threats mostly use.
	const framework = frameworkFromTd(diagram.diagramType) ?? 'STRIDE'
	const cells = new Map<string, TdCell>(diagram.cells.map((cell) => [cell.id, cell]))
	const path = ['detail', 'diagrams', d, 'cells']
	return {
		tdId: diagram.id,
		name: diagram.title,
		description: diagram.description ?? '',
		diagramType: diagram.diagramType,
		framework,
		elements: diagram.cells.map((cell, c) => importElement(cell, cells, [...path, c], warnings, humanIds)),
		threats: diagram.cells.flatMap((cell, c) =>
			cell.data.threats.map((threat, t) =>
				importThreat(threat, t, {
					cellId: cell.id,
					diagramFramework: framework,
					path: [...path, c, 'data', 'threats', t],
					usedIds: usedThreatIds,
					warnings,
				}),
			),
		),
	}
}

const SUMMARY_FIELDS = new Set(['title', 'owner', 'description', 'id'])

/** The summary's other scalar values, as written: newer TD versions add release fields we do not model. */
function summaryExtrasOf(summary: Record<string, unknown>): SummaryExtras {
	const extras: SummaryExtras = {}
	for (const [key, value] of Object.entries(summary)) {
		if (SUMMARY_FIELDS.has(key)) continue
		if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) extras[key] = value
	}
	return extras
}

/**
 * An OWASP Threat Dragon v2 file (already JSON-parsed, nothing else assumed) as our model, or
 * every problem that stops it, each with its path in the file. Pure; see docs/export-format.md
 * for how types, statuses, categories and ratings map.
 */
export function importThreatDragon(json: unknown): ImportResult {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { ok: false, issues: [{ path: '(root)', message: 'expected a Threat Dragon v2 model (a JSON object)' }] }
	}
	const parsed = tdModelSchema.safeParse(json, { error: tdErrorMap })
	if (!parsed.success) return { ok: false, issues: toImportIssues(parsed.error) }
	const { summary, detail } = parsed.data
	const warnings = new ImportWarnings()
	const usedThreatIds = new Set<string>()
	const humanIds = uniqueHumanIds(detail.diagrams, warnings)
	const imported = detail.diagrams.map((diagram, d) => importDiagram(diagram, d, usedThreatIds, humanIds, warnings))
	const diagrams = imported.length > 0 ? imported : [emptyDiagram()]
	return {
		ok: true,
		model: {
			name: summary.title,
			description: summary.description,
			owner: summary.owner ?? '',
			reviewer: detail.reviewer ?? '',
			contributors: detail.contributors.map((contributor) => contributor.name).filter(Boolean),
			summaryExtras: summaryExtrasOf(summary),
			framework: diagrams[0]?.framework ?? 'STRIDE',
			diagrams,
		},
		warnings: warnings.list,
	}
}
