import { z } from 'zod'
import { BadRequestError } from '@/lib/errors'
import { REPORT_VIEWS } from '@/lib/reports/sessionModel'

// GET /api/sessions/:id/export — its query string. React- and drizzle-free so the panel can build
// the same URLs it will be answered for.

export const EXPORT_FORMATS = ['md', 'html', 'csv', 'json', 'threat-dragon', 'svg'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const DIAGRAM_PARAM_MAX = 256

export const exportQuerySchema = z.object({
	format: z.enum(EXPORT_FORMATS),
	view: z.enum(REPORT_VIEWS).default('all'),
	/** svg only: the page id (`page:…`) or the 0-based position of the diagram; the first when absent. */
	diagram: z.string().min(1).max(DIAGRAM_PARAM_MAX).optional(),
})
export type ExportQuery = z.infer<typeof exportQuerySchema>

/**
 * The export query of a request URL, or a 400 with an issue per bad parameter, worded like a bad
 * JSON body's. A repeated parameter counts once (the first); unknown ones are ignored.
 */
export function parseExportQuery(url: URL): ExportQuery {
	const params: Record<string, string> = {}
	for (const key of ['format', 'view', 'diagram']) {
		const value = url.searchParams.get(key)
		if (value !== null) params[key] = value
	}
	const parsed = exportQuerySchema.safeParse(params)
	if (parsed.success) return parsed.data
	const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
	throw new BadRequestError('Invalid request', { issues })
}
