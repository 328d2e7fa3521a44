import { jsonResponse, readJsonBody, requireSessionIdParam, withErrors } from '@/lib/api/http'
import { requireInternalSecret } from '@/lib/server/internalAuth'
import { type CanvasStateResponse, saveCanvasBody, type SaveCanvasResponse } from '@/lib/api/internalSchemas'
import { loadCanvas, saveCanvas } from '@/lib/db/canvasRepo'
import { findSession } from '@/lib/db/sessionsRepo'
import { NotFoundError } from '@/lib/errors'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** A whole room snapshot travels in one request; 20 MiB leaves room for large boards. */
const MAX_BODY_BYTES = 20 * 1024 * 1024
/**
 * Rich text nests a few levels per list level; nothing a person writes comes near this. Deeper
 * JSON is refused before JSON.stringify (which overflows the stack a few thousand levels down)
 * would turn it into a 500.
 */
const MAX_SNAPSHOT_DEPTH = 1_000

type Context = { params: Promise<{ id: string }> }

/** The room loads its document on start; a session never saved starts empty at clock 0. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
	requireInternalSecret(request)
	const id = await requireSessionIdParam(params)
	const session = await findSession(id)
	if (!session) throw new NotFoundError('Session not found')
	const stored = await loadCanvas(id)
	const response: CanvasStateResponse = { ...(stored ?? { snapshot: null, clock: 0, humanIdCounters: {} }), framework: session.framework }
	return jsonResponse(response)
})

/** The room's debounced save. `saved: false` means a newer clock is already stored; not an error. */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
	// Secret first, so an unauthenticated caller cannot make us buffer 20 MiB.
	requireInternalSecret(request)
	const id = await requireSessionIdParam(params)
	// The snapshot is the room's, validated by the room: a shape's `meta` may hold any key a client
	// chose, `__proto__` included (as a plain own property; nothing here merges it into an object).
	const body = await readJsonBody(request, saveCanvasBody, { maxBytes: MAX_BODY_BYTES, maxDepth: MAX_SNAPSHOT_DEPTH, allowReservedKeys: true })
	const response: SaveCanvasResponse = await saveCanvas(id, body)
	return jsonResponse(response)
})
