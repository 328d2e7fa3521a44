import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { POST as authorize } from '@/app/api/internal/sessions/[id]/authorize/route'
import { GET as loadCanvas, PUT as saveCanvas } from '@/app/api/internal/sessions/[id]/canvas/route'
import { closeDatabasesForTests, getDb } from '@/lib/db/client'
import { resetEnvForTests } from '@/lib/env'
import type { AppServer } from './partyHarness'

// The app's real internal API — the route handlers of app/api/internal/, saveCanvas and the
// projections — over a real libSQL file, served to the party from this process. Unlike `next start`
// it can be taken down and brought back on the same port in an instant, and the test reads the
// very database the app writes.

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>

const ROUTES: { pattern: RegExp; method: string; handler: Handler }[] = [
	{ pattern: /^\/api\/internal\/sessions\/([^/]+)\/authorize$/, method: 'POST', handler: authorize },
	{ pattern: /^\/api\/internal\/sessions\/([^/]+)\/canvas$/, method: 'GET', handler: loadCanvas },
	{ pattern: /^\/api\/internal\/sessions\/([^/]+)\/canvas$/, method: 'PUT', handler: saveCanvas },
]

export interface DatabaseApp extends AppServer {
	/** The libSQL URL the app writes to (also this process's DATABASE_URL). */
	readonly databaseUrl: string
	/** Every request answered, e.g. `PUT /canvas 200`, oldest first. */
	readonly requests: { at: number; line: string }[]
	/** Takes the app down: connections are refused from now on, as with a stopped process. */
	stop(): Promise<void>
	/** Brings it back on the same address. */
	start(): Promise<void>
}

export async function startDatabaseApp(secret: string): Promise<DatabaseApp> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'threatroom-db-app-'))
	const databaseUrl = `file:${path.join(directory, 'threatroom.db')}`
	process.env.DATABASE_URL = databaseUrl
	process.env.INTERNAL_SECRET = secret
	resetEnvForTests()
	await getDb()

	const requests: { at: number; line: string }[] = []
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1')
		const route = ROUTES.find((candidate) => candidate.method === req.method && candidate.pattern.test(url.pathname))
		if (!route) {
			res.writeHead(404).end()
			return
		}
		const id = decodeURIComponent(route.pattern.exec(url.pathname)?.[1] ?? '')
		const chunks: Buffer[] = []
		for await (const chunk of req) chunks.push(chunk as Buffer)
		const headers = new Headers()
		for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
		const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
		const response = await route.handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve({ id }) })
		requests.push({ at: Date.now(), line: `${req.method} ${url.pathname.replace(/^.*\//, '/')} ${response.status}` })
		res.writeHead(response.status, Object.fromEntries(response.headers))
		res.end(Buffer.from(await response.arrayBuffer()))
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo

	return {
		url: `http://127.0.0.1:${port}`,
		databaseUrl,
		requests,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
		start: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
		async close() {
			server.closeAllConnections()
			if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
			closeDatabasesForTests()
			fs.rmSync(directory, { recursive: true, force: true })
			resetEnvForTests()
		},
	}
}
