import { errorResponse } from '@/lib/api/sessionSchemas'
import type { ReportView } from '@/lib/reports/sessionModel'
import { downloadFilename } from '@/lib/session/downloadFilename'
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats'

export interface ExportRequest {
	sessionId: string
	/** The link's token, sent as the Bearer credential; never in the URL, so never in a log. */
	token: string
	format: ExportFormat
	view: ReportView
	/** The page to draw, for the SVG. */
	diagram?: string
	/** The tracker formats' priorities (`P0,P1`, `all`). */
	priority?: string
}

export type ExportResult = { ok: true; filename: string } | { ok: false; message: string }

/** Hands a blob to the browser as a file download, under the name the server chose. */
function saveBlob(blob: Blob, filename: string): void {
	const href = URL.createObjectURL(blob)
	const link = document.createElement('a')
	link.href = href
	link.download = filename
	link.rel = 'noopener'
	document.body.append(link)
	link.click()
	link.remove()
	// The download has its own reference once it started; the object URL is only needed until then.
	setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/**
 * Fetches one export with the link's token and saves it. A plain link cannot carry the token in a
 * header, and putting it in the query would leave it in logs and history, hence the fetch.
 */
export async function downloadExport({ sessionId, token, format, view, diagram, priority }: ExportRequest): Promise<ExportResult> {
	const query = new URLSearchParams({ format, view })
	if (diagram) query.set('diagram', diagram)
	if (priority) query.set('priority', priority)
	let response: Response
	try {
		response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export?${query}`, {
			headers: { authorization: `Bearer ${token}` },
			cache: 'no-store',
		})
	} catch {
		return { ok: false, message: 'Threatroom could not be reached. Check your connection and try again.' }
	}
	if (!response.ok) {
		const message = errorResponse.safeParse(await response.json().catch(() => null)).data?.error
		return { ok: false, message: `The export failed (HTTP ${response.status})${message ? `: ${message}` : ''}` }
	}
	const extension = EXPORT_FORMATS.find((candidate) => candidate.id === format)?.extension ?? 'txt'
	const filename = downloadFilename(response.headers.get('content-disposition'), `threatroom-${sessionId}.${extension}`)
	saveBlob(await response.blob(), filename)
	return { ok: true, filename }
}
