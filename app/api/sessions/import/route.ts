import { z } from 'zod'
import { IMPORT_MAX_BYTES, IMPORT_QUERY_KEYS, importSessionQuery, type ImportSessionResponse } from '@/lib/api/derivedSessionSchemas'
import { jsonResponse, readJsonBody, readQuery, withErrors } from '@/lib/api/http'
import { publicOrigin, sessionLinks } from '@/lib/server/origin'
import { unsafeTextIssues } from '@/lib/api/textRules'
import { snapshotFromImport } from '@/lib/canvas/snapshotFromImport'
import { createSessionWithCanvas } from '@/lib/db/derivedSessionsRepo'
import { BadRequestError } from '@/lib/errors'
import { type ImportIssue, importThreatDragon } from '@/lib/threatDragon'
import { importedSessionFields } from './importedSession'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

const INVALID_MODEL = 'Invalid Threat Dragon model'

/**
 * A new session from an OWASP Threat Dragon v2 model (the file as the body): one page per TD
 * diagram, the elements where TD drew them, flows bound to their ends, the threats with TD's own
 * severity and status kept; `?projectPrefix=PAY` composes its IDs like a created session's. Everything is checked before anything is written, so a file that
 * fails creates nothing and is answered 400 with every problem at its place in the file.
 */
export const POST = withErrors(async (request: Request) => {
	const { projectPrefix } = readQuery(new URL(request.url), IMPORT_QUERY_KEYS, importSessionQuery)
	// The importer validates the structure itself, with messages written for people.
	const json = await readJsonBody(request, z.unknown(), { maxBytes: IMPORT_MAX_BYTES })
	// Names, titles and descriptions end up in the session, on the canvas and in every report: no
	// control characters (NUL…) or bidirectional overrides anywhere in the file.
	const unsafe = unsafeTextIssues(json)
	if (unsafe.length > 0) throw new BadRequestError(INVALID_MODEL, { issues: unsafe })
	const imported = importThreatDragon(json)
	if (!imported.ok) throw new BadRequestError(INVALID_MODEL, { issues: imported.issues })

	const now = Date.now()
	const built = snapshotFromImport(imported.model, { at: now })
	if (!built.ok) throw new BadRequestError(INVALID_MODEL, { issues: built.issues })

	const warnings: ImportIssue[] = [...imported.warnings, ...built.canvas.warnings]
	const fields = { ...importedSessionFields(imported.model, warnings), projectPrefix }
	const { id, tokens } = await createSessionWithCanvas(fields, built.canvas, now)
	const response: ImportSessionResponse = { id, ...sessionLinks(publicOrigin(request), id, tokens), warnings }
	return jsonResponse(response, 201)
})
