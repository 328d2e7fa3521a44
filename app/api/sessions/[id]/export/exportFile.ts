import type { ExportQuery } from '@/lib/api/exportSchemas'
import { BadRequestError } from '@/lib/errors'
import { diagramSvg, filterForView, type SessionModel, toCsv, toHtml, toJsonAsBuilt, toMarkdown } from '@/lib/reports'
import type { Diagram } from '@/lib/reports/sessionModel'
import { toGithubIssuesCsv, toJiraCsv, toNextSessionIcs, toTaskBlocks, trackerTasks } from '@/lib/reports/tracker'
import { exportThreatDragon } from '@/lib/threatDragon'

// One export as a file: its bytes, type and name. The session model is built once by the route;
// everything here is a pure function of it.

export interface ExportFile {
	body: string
	contentType: string
	filename: string
	/** Documents a browser may render (HTML, SVG) get a policy that lets them run and load nothing. */
	contentSecurityPolicy: string | null
}

/** Stricter than the report's own meta tag: a header also covers a file opened from a download bar, and `sandbox` forbids scripts outright. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"

const SLUG_MAX = 60

/** ASCII, lower case, hyphens: a file name every system and every Content-Disposition parser accepts. */
export function slugOf(text: string, fallback: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, SLUG_MAX)
		.replace(/^-+|-+$/g, '')
	return slug || fallback
}

/** The diagram the `diagram` parameter names: a page id, or a 0-based position; the first by default. */
function pickDiagram(diagrams: readonly Diagram[], wanted: string | undefined): Diagram {
	const found =
		wanted === undefined
			? diagrams[0]
			: (diagrams.find((diagram) => diagram.pageId === wanted) ?? (/^\d+$/.test(wanted) ? diagrams[Number(wanted)] : undefined))
	if (found) return found
	const message =
		diagrams.length === 0
			? 'The session has no diagram'
			: `No diagram ${JSON.stringify(wanted)}; expected a page id or a position from 0 to ${diagrams.length - 1}`
	throw new BadRequestError('Invalid request', { issues: [{ path: 'diagram', message }] })
}

/** The file for a query, from the session's full model. Throws a 400 for a diagram that does not exist. */
export function exportFile(model: SessionModel, query: ExportQuery): ExportFile {
	const view = filterForView(model, query.view)
	const date = view.exportedAt.slice(0, 10)
	const base = [slugOf(view.session.name, 'threat-model'), query.view === 'all' ? '' : query.view].filter(Boolean).join('-')
	const named = (stem: string, ext: string) => `${stem}-${date}.${ext}`
	switch (query.format) {
		case 'md':
			return { body: toMarkdown(view), contentType: 'text/markdown; charset=utf-8', filename: named(base, 'md'), contentSecurityPolicy: null }
		case 'html':
			return { body: toHtml(view), contentType: 'text/html; charset=utf-8', filename: named(base, 'html'), contentSecurityPolicy: HTML_CSP }
		case 'csv':
			// With the byte-order mark: these downloads are for spreadsheets, and Excel needs it for UTF-8.
			return { body: toCsv(view, { excelBom: true }), contentType: 'text/csv; charset=utf-8', filename: named(base, 'csv'), contentSecurityPolicy: null }
		case 'json':
			// The route built the model itself: its key order is the schema's, no second validation needed.
			return { body: toJsonAsBuilt(view), contentType: 'application/json; charset=utf-8', filename: named(base, 'json'), contentSecurityPolicy: null }
		case 'threat-dragon':
			return {
				body: `${JSON.stringify(exportThreatDragon(view), null, 2)}\n`,
				contentType: 'application/json; charset=utf-8',
				filename: named(base, 'td.json'),
				contentSecurityPolicy: null,
			}
		case 'github-csv':
			return {
				body: toGithubIssuesCsv(trackerTasks(view, query.priority)),
				contentType: 'text/csv; charset=utf-8',
				filename: named(`${base}-github-issues`, 'csv'),
				contentSecurityPolicy: null,
			}
		case 'jira-csv':
			return {
				body: toJiraCsv(trackerTasks(view, query.priority)),
				contentType: 'text/csv; charset=utf-8',
				filename: named(`${base}-jira`, 'csv'),
				contentSecurityPolicy: null,
			}
		case 'tasks-md':
			return {
				body: toTaskBlocks(trackerTasks(view, query.priority), `Security tasks (${query.priority.join(', ')}): ${view.session.name || 'Untitled session'}`),
				contentType: 'text/markdown; charset=utf-8',
				filename: named(`${base}-tasks`, 'md'),
				contentSecurityPolicy: null,
			}
		case 'ics':
			return {
				body: toNextSessionIcs(view),
				contentType: 'text/calendar; charset=utf-8',
				filename: named(`${base}-next-session`, 'ics'),
				contentSecurityPolicy: null,
			}
		case 'svg': {
			const diagram = pickDiagram(view.diagrams, query.diagram)
			return {
				body: diagramSvg(diagram),
				contentType: 'image/svg+xml; charset=utf-8',
				filename: named(`${base}-${slugOf(diagram.name, 'diagram')}`, 'svg'),
				contentSecurityPolicy: SVG_CSP,
			}
		}
	}
}
