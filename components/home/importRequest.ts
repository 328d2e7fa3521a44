import * as z from 'zod/mini'
import { IMPORT_MAX_BYTES, importSessionResponse } from '@/lib/api/derivedSessionSchemas'
import { type CreateSessionResponse, errorResponse } from '@/lib/api/sessionSchemas'

export { IMPORT_MAX_BYTES }

export interface ImportIssue {
	path: string
	message: string
}

export interface ImportedSession {
	links: CreateSessionResponse
	/** What the import could not carry over exactly, for the person to check. */
	warnings: ImportIssue[]
}

export type ImportResult = ({ ok: true } & ImportedSession) | { ok: false; message: string; issues: ImportIssue[] }

/** The model's own title, to name the session in "My sessions" until the server's summary arrives. */
export function modelTitle(json: unknown, fallback: string): string {
	const parsed = z.object({ summary: z.object({ title: z.string().check(z.trim(), z.minLength(1)) }) }).safeParse(json)
	return parsed.success ? parsed.data.summary.title : fallback
}

/**
 * Sends a Threat Dragon v2 file as it is, with the project prefix its IDs compose with; the server
 * validates both and answers the new session's links, or every problem it found with where it is.
 */
export async function importThreatDragon(text: string, projectPrefix: string | null): Promise<ImportResult> {
	const query = projectPrefix === null ? '' : `?${new URLSearchParams({ projectPrefix })}`
	let response: Response
	try {
		response = await fetch(`/api/sessions/import${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text })
	} catch {
		return { ok: false, message: 'Threatroom could not be reached. Check your connection and try again.', issues: [] }
	}
	const body: unknown = await response.json().catch(() => null)
	if (response.status === 201) {
		const parsed = importSessionResponse.safeParse(body)
		if (parsed.success) return { ok: true, links: parsed.data, warnings: parsed.data.warnings }
	}
	if (response.status === 413) return { ok: false, message: 'The file is larger than the 5 MiB an import may be.', issues: [] }
	const error = errorResponse.safeParse(body)
	if (error.success) return { ok: false, message: error.data.error, issues: error.data.issues ?? [] }
	return { ok: false, message: `The model could not be imported (HTTP ${response.status}). Try again.`, issues: [] }
}
