import { MITIGATION_STATUS_LABEL } from '@/lib/session/records/mitigationRecord'
import { formatMetadata } from '@/lib/session/metadata'
import type { SessionModel } from './sessionModel'
import { categoryNames, componentLabelFor, dayOf, decidedByLabel, mitigationPlanOf, scopeLinksText } from './threatFacts'
import { threatPriority } from './tracker/threatPriority'

export const CSV_COLUMNS = [
	'id',
	'component',
	'threat',
	'description',
	'likelihood',
	'impact',
	'risk_score',
	'mitigation',
	'owner',
	'due',
	'date_identified',
	'status',
	'decision',
	'decided_by',
	'decided_at',
	'mitigations',
	// Added after the columns above, so readers that go by position still find theirs.
	'categories',
	'severity',
	'cvss_vector',
	'cvss_base_score',
	'priority',
	'include_in_report',
	'assets',
	'threat_agents',
	'metadata',
] as const

const CRLF = '\r\n'

/**
 * OWASP's CSV-injection rule: a cell starting with = + - @ tab or CR is read as a formula by
 * Excel, LibreOffice and Google Sheets, so it gets a leading single quote and is shown as text.
 * Our numeric columns (1–25) never start with '-', so no real value is altered by this.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/

export function neutraliseFormula(value: string): string {
	return FORMULA_TRIGGER.test(value) ? `'${value}` : value
}

/** RFC 4180: quote a field holding a quote, comma, CR or LF, and double its quotes. */
export function csvField(value: string): string {
	const safe = neutraliseFormula(value)
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export interface CsvOptions {
	/** Prefix a UTF-8 byte-order mark: Excel needs it to read non-ASCII text as UTF-8. */
	excelBom?: boolean
}

/** One row per threat, in the model's order; the columns are CSV_COLUMNS, exactly. */
export function toCsv(model: SessionModel, options: CsvOptions = {}): string {
	const component = componentLabelFor(model)
	const mitigationById = new Map(model.mitigations.map((mitigation) => [mitigation.id, mitigation]))
	// "M-001 (In place); M-003 (Planned)": each mitigation of the threat with its status.
	const mitigationsOf = (ids: readonly string[]) =>
		ids
			.flatMap((id) => mitigationById.get(id) ?? [])
			.map((mitigation) => `${mitigation.humanId} (${MITIGATION_STATUS_LABEL[mitigation.status]})`)
			.join('; ')
	// "env=prod; owner=payments": the threat's own metadata (its element's is in the JSON export).
	const metadataOf = (threatId: string) => formatMetadata(model.metadata.filter((entry) => entry.targetKind === 'threat' && entry.targetId === threatId))
	const rows = model.threats.map((threat) => {
		const plan = mitigationPlanOf(threat)
		const { decision } = threat
		return [
			threat.humanId,
			component(threat.elementShapeId),
			threat.title,
			threat.description,
			String(threat.effective.likelihood),
			String(threat.effective.impact),
			String(threat.effective.score),
			plan.mitigation,
			plan.owner,
			plan.dueDate ?? '',
			dayOf(threat.createdAt),
			threat.status,
			decision?.kind ?? '',
			decision ? decidedByLabel(decision) : '',
			decision?.decidedAt ?? '',
			mitigationsOf(threat.mitigationIds),
			categoryNames(model.session.framework, threat.categories),
			threat.severity,
			threat.cvss?.vector ?? '',
			threat.cvss ? threat.cvss.baseScore.toFixed(1) : '',
			threatPriority(threat),
			threat.includeInReport ? 'yes' : 'no',
			scopeLinksText(model.scope.assets, threat.assetHumanIds),
			scopeLinksText(model.scope.threatAgents, threat.agentHumanIds),
			metadataOf(threat.id),
		]
	})
	const lines = [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(','))
	return `${options.excelBom ? '\uFEFF' : ''}${lines.join(CRLF)}${CRLF}`
}
