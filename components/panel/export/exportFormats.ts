import type { ExportFormat } from '@/lib/api/exportSchemas'
import type { ReportView } from '@/lib/reports/sessionModel'

/** What `GET /api/sessions/:id/export` produces (lib/api/exportSchemas.ts), in the order the panel offers them. */
export const EXPORT_FORMATS = [
	{ id: 'md', label: 'Markdown', hint: 'Report for a wiki or a pull request', extension: 'md', tracker: false },
	{ id: 'html', label: 'HTML (print)', hint: 'Report to print or save as PDF', extension: 'html', tracker: false },
	{ id: 'csv', label: 'CSV', hint: 'One row per threat, for a spreadsheet or a tracker', extension: 'csv', tracker: false },
	{ id: 'json', label: 'JSON', hint: 'The whole session, machine-readable', extension: 'json', tracker: false },
	{ id: 'threat-dragon', label: 'Threat Dragon', hint: 'A model OWASP Threat Dragon opens', extension: 'json', tracker: false },
	{ id: 'svg', label: 'SVG (page)', hint: 'The diagram on screen, with threat badges', extension: 'svg', tracker: false },
	{ id: 'github-csv', label: 'GitHub issues (CSV)', hint: 'One issue per threat still to fix, of the chosen priorities', extension: 'csv', tracker: true },
	{ id: 'jira-csv', label: 'Jira (CSV)', hint: "For Jira's CSV import: one task per threat still to fix", extension: 'csv', tracker: true },
	{ id: 'tasks-md', label: 'Task blocks (Markdown)', hint: '[SEC][P0] tasks with acceptance criteria, owner and due date', extension: 'md', tracker: true },
	{ id: 'ics', label: 'Next session (.ics)', hint: 'A calendar event with the topics to cover', extension: 'ics', tracker: false },
] as const satisfies readonly { id: ExportFormat; label: string; hint: string; extension: string; tracker: boolean }[]

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

/** The tracker exports' priority filter, as the `priority` query parameter spells it. */
export const TRACKER_PRIORITY_CHOICES = ['P0,P1', 'P0', 'P0,P1,P2', 'all'] as const
export type TrackerPriorityChoice = (typeof TRACKER_PRIORITY_CHOICES)[number]
export const TRACKER_PRIORITY_LABEL: Record<TrackerPriorityChoice, string> = {
	'P0,P1': 'P0 and P1',
	P0: 'P0 only',
	'P0,P1,P2': 'P0 to P2',
	all: 'All priorities',
}
