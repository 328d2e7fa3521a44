import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
	type AuthorizeResponse,
	authorizeBody,
	type CanvasStateResponse,
	type StoredCanvasState,
	INTERNAL_SECRET_HEADER,
	type SaveCanvasBody,
	saveCanvasBody,
	type SaveCanvasResponse,
} from '@/lib/api/internalSchemas'
import type { FrameworkId } from '@/lib/frameworks/frameworkTypes'
import type { Role } from '@/lib/roles'
import { extractSessionRecords } from '@/lib/canvas/extractSessionRecords'

// The app's internal API as the party sees it, in memory: lets the party be tested without Next.js
// and a database. Bodies are parsed with the app's own schemas, so a save the real app would refuse
// fails here too.

export interface FakeSession {
	tokens: Record<string, Role>
	canvas: StoredCanvasState | null
	framework: FrameworkId
	/** Every accepted PUT, oldest first. */
	saves: SaveCanvasBody[]
	/** Answer this many canvas loads with a 503, as an app that is restarting would. */
	failLoads: number
}

export interface FakeApp {
	url: string
	sessions: Map<string, FakeSession>
	addSession(id: string, tokens: Record<string, Role>, framework?: FrameworkId): FakeSession
	/** Requests the party made, e.g. `GET /canvas s1`, for asserting what did not happen. */
	requests: string[]
	close(): Promise<void>
}

const ROUTE = /^\/api\/internal\/sessions\/([^/]+)\/(authorize|canvas)$/

export async function startFakeApp(secret: string, port = 0): Promise<FakeApp> {
	const sessions = new Map<string, FakeSession>()
	const requests: string[] = []

	const server = http.createServer(async (req, res) => {
		const reply = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' })
			res.end(JSON.stringify(body))
		}
		const match = ROUTE.exec(req.url ?? '')
		const body = await readBody(req)
		if (!match) return reply(404, { error: 'Not found' })
		const [, id = '', route] = match
		requests.push(`${req.method} /${route} ${id}`)
		if (req.headers[INTERNAL_SECRET_HEADER] !== secret) return reply(401, { error: 'Unauthorized' })
		const session = sessions.get(id)
		if (!session) return reply(404, { error: 'Session not found' })

		if (route === 'authorize' && req.method === 'POST') {
			const parsed = authorizeBody.safeParse(JSON.parse(body || 'null'))
			if (!parsed.success) return reply(400, { error: 'Invalid request' })
			const role = session.tokens[parsed.data.token]
			if (!role) return reply(401, { error: 'Invalid token' })
			return reply(200, { role } satisfies AuthorizeResponse)
		}
		if (route === 'canvas' && req.method === 'GET') {
			if (session.failLoads > 0) {
				session.failLoads--
				return reply(503, { error: 'Starting' })
			}
			const canvas = session.canvas ?? { snapshot: null, clock: 0, humanIdCounters: {} }
			return reply(200, { ...canvas, framework: session.framework } satisfies CanvasStateResponse)
		}
		if (route === 'canvas' && req.method === 'PUT') {
			const parsed = saveCanvasBody.safeParse(JSON.parse(body || 'null'))
			if (!parsed.success) return reply(400, { error: 'Invalid request', issues: parsed.error.issues })
			// The app validates the workshop records it projects; a save it would refuse fails here too.
			const records = extractSessionRecords(parsed.data.snapshot)
			if (!records.ok) return reply(400, { error: 'Invalid request', issues: records.issues })
			const { clock, snapshot, humanIdCounters } = parsed.data
			if (session.canvas && clock < session.canvas.clock) {
				return reply(200, { saved: false, clock: session.canvas.clock } satisfies SaveCanvasResponse)
			}
			session.saves.push(parsed.data)
			session.canvas = { snapshot, clock, humanIdCounters }
			return reply(200, { saved: true, clock } satisfies SaveCanvasResponse)
		}
		return reply(405, { error: 'Method not allowed' })
	})

	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
	const { port: boundPort } = server.address() as AddressInfo

	return {
		url: `http://127.0.0.1:${boundPort}`,
		sessions,
		requests,
		addSession(id, tokens, framework = 'STRIDE') {
			const session: FakeSession = { tokens, canvas: null, framework, saves: [], failLoads: 0 }
			sessions.set(id, session)
			return session
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
		req.on('error', reject)
	})
}
