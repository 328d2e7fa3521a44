import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { Severity, ThreatStatus } from '@/lib/risk/threatStatus'
import type { DecisionKind } from '@/lib/session/records/decisionRecord'

// Threat Dragon's words for statuses, severities and diagram types, and ours, both ways
// (TD 2.6: td.vue/src/service/threats/status.js, i18n en.json). docs/export-format.md has the tables.

const norm = (text: string) =>
	text
		.trim()
		.toLowerCase()
		.replace(/[\s_/-]+/g, '')

const STATUS_FROM_TD: Record<string, ThreatStatus> = {
	open: 'Open',
	mitigated: 'Resolved',
	// A threat TD marks N/A was looked at and does not apply: our False Positive.
	notapplicable: 'False Positive',
	na: 'False Positive',
	accepted: 'Accepted',
	// We have no "transferred" status: the risk is owned elsewhere, so it is closed for us as
	// Accepted; `source.status` keeps the word, so an export writes Transferred back.
	transferred: 'Accepted',
	// The feature was removed or redesigned away: nothing left to exploit.
	avoided: 'Resolved',
	eliminated: 'Resolved',
}

/** Our status for a TD status, or null when TD wrote something we do not know (the caller warns). */
export function statusFromTd(status: string): ThreatStatus | null {
	return STATUS_FROM_TD[norm(status)] ?? null
}

/** TD's status for ours. A transfer decision turns an Accepted threat into TD's Transferred. */
export function statusToTd(status: ThreatStatus, decision: DecisionKind | null): string {
	switch (status) {
		case 'Resolved':
		case 'Closed':
			return 'Mitigated'
		case 'False Positive':
			return 'NotApplicable'
		case 'Accepted':
			return decision === 'transfer' ? 'Transferred' : 'Accepted'
		case 'Open':
		case 'Confirmed':
		case 'Mitigation Planned':
		case 'Mitigation In Progress':
		case 'Verification Pending':
		case 'Deferred':
			return 'Open'
	}
}

const SEVERITY_FROM_TD: Record<string, Severity> = {
	critical: 'Critical',
	high: 'High',
	medium: 'Medium',
	low: 'Low',
	info: 'Informational',
	informational: 'Informational',
}

/** TD's TBD (older files: TBA), empty or unknown severities are our Unknown. */
export function severityFromTd(severity: string): Severity {
	return SEVERITY_FROM_TD[norm(severity)] ?? 'Unknown'
}

export function severityToTd(severity: Severity): string {
	switch (severity) {
		case 'Informational':
			return 'Low'
		case 'Unknown':
			return 'TBD'
		default:
			return severity
	}
}

const FRAMEWORK_FROM_TD: Record<string, FrameworkId> = {
	stride: 'STRIDE',
	linddun: 'LINDDUN',
	cia: 'CIA',
	die: 'DIE',
	ciadie: 'DIE',
	plot4ai: 'PLOT4ai',
}

/** Our framework for a TD diagram type or threat model type, or null (Generic, EOP, anything else). */
export function frameworkFromTd(diagramType: string | undefined): FrameworkId | null {
	return diagramType === undefined ? null : (FRAMEWORK_FROM_TD[norm(diagramType)] ?? null)
}

/** TD spells our framework ids the same way. */
export function frameworkToTd(framework: FrameworkId): string {
	return framework
}
