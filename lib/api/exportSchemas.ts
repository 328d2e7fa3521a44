import { z } from 'zod'
import { REPORT_VIEWS } from '@/lib/reports/sessionModel'
import { PRIORITIES } from '@/lib/reports/tracker/threatPriority'

// GET /api/sessions/:id/export — its query string. React- and drizzle-free so the panel can build
// the same URLs it will be answered for.

const EXPORT_FORMATS = ['md', 'html', 'csv', 'json', 'threat-dragon', 'svg', 'github-csv', 'jira-csv', 'tasks-md', 'ics'] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const DIAGRAM_PARAM_MAX = 256

export const exportQuerySchema = z.object({
	format: z.enum(EXPORT_FORMATS),
	view: z.enum(REPORT_VIEWS).default('all'),
	/** svg only: the page id (`page:…`) or the 0-based position of the diagram; the first when absent. */
	diagram: z.string().min(1).max(DIAGRAM_PARAM_MAX).optional(),
	/** Tracker formats only: comma-separated priorities (`P0,P1`, the default), or `all`. */
	priority: z
		.string()
		.max(32)
		.transform((value, ctx) => {
			if (value === 'all') return [...PRIORITIES]
			const parts = value.split(',').map((part) => part.trim())
			const chosen = PRIORITIES.filter((priority) => parts.includes(priority))
			if (chosen.length === 0 || chosen.length !== parts.length) {
				ctx.addIssue({ code: 'custom', message: 'Expected priorities such as P0,P1 (P0 to P3), or all' })
				return z.NEVER
			}
			return chosen
		})
		.default(['P0', 'P1']),
})
export type ExportQuery = z.infer<typeof exportQuerySchema>

/** The parameters `exportQuerySchema` reads from a request URL. */
export const EXPORT_QUERY_KEYS = ['format', 'view', 'diagram', 'priority'] as const
