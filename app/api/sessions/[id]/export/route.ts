import { EXPORT_QUERY_KEYS, exportQuerySchema } from '@/lib/api/exportSchemas'
import { readQuery, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { requireSessionRole } from '@/lib/server/sessionAccess'
import { loadSessionModel } from '@/lib/db/sessionModelRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { NotFoundError } from '@/lib/errors'
import { API_CONTENT_SECURITY_POLICY } from '@/lib/security/contentSecurityPolicy'
import { exportFile } from './exportFile'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** The people who answer for the model: the facilitator runs the session, the product owner decides its risks. */
const EXPORT_ROLES = ['facilitator', 'productOwner'] as const

/**
 * A report or export of the session as last saved, as a download: Markdown, HTML, CSV, the JSON
 * session model, an OWASP Threat Dragon v2 model, or one diagram as SVG; all threats or one view.
 */
export const GET = withErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
	const id = await requireSessionIdParam(params)
	if (!(await findSession(id))) throw new NotFoundError('Session not found')
	await requireSessionRole(request, id, EXPORT_ROLES, 'Only the facilitator or the product owner of this session may export it')
	const query = readQuery(new URL(request.url), EXPORT_QUERY_KEYS, exportQuerySchema)

	const model = await loadSessionModel(id)
	if (!model) throw new NotFoundError('Session not found')
	const file = exportFile(model, query)
	const headers = new Headers({
		'content-type': file.contentType,
		'content-disposition': `attachment; filename="${file.filename}"`,
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
	})
	// Opened in a tab instead of saved, no file may load or run anything.
	headers.set('content-security-policy', file.contentSecurityPolicy ?? API_CONTENT_SECURITY_POLICY)
	return new Response(file.body, { status: 200, headers })
})
