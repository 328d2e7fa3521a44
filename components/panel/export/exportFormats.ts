import type { ExportFormat } from '@/lib/api/exportSchemas'
import type { ReportView } from '@/lib/reports/sessionModel'

/** What `GET /api/sessions/:id/export` produces (lib/api/exportSchemas.ts), in the order the panel offers them. */
export const EXPORT_FORMATS = [
	{ id: 'md', label: 'Markdown', hint: 'Report for a wiki or a pull request', extension: 'md' },
	{ id: 'html', label: 'HTML (print)', hint: 'Report to print or save as PDF', extension: 'html' },
	{ id: 'csv', label: 'CSV', hint: 'One row per threat, for a spreadsheet or a tracker', extension: 'csv' },
	{ id: 'json', label: 'JSON', hint: 'The whole session, machine-readable', extension: 'json' },
	{ id: 'threat-dragon', label: 'Threat Dragon', hint: 'A model OWASP Threat Dragon opens', extension: 'json' },
	{ id: 'svg', label: 'SVG (page)', hint: 'The diagram on screen, with threat badges', extension: 'svg' },
] as const satisfies readonly { id: ExportFormat; label: string; hint: string; extension: string }[]

export type { ExportFormat }

export const VIEW_LABEL: Record<ReportView, string> = {
	all: 'All threats',
	distributable: 'Distributable (mitigated only)',
	unmitigated: 'Unmitigated only',
}

export const VIEW_HINT: Record<ReportView, string> = {
	all: 'Everything, for the team.',
	distributable: 'Only fixed and verified threats, for customers under NDA.',
	unmitigated: 'The open work and the risks the business carries.',
}
