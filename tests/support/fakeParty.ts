import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll } from 'vitest'
import { INTERNAL_SECRET_HEADER, revokeLinksBody } from '@/lib/api/internalSchemas'
import { TEST_INTERNAL_SECRET } from '@/tests/fixtures/database'
import { resetEnvForTests } from '@/lib/env'

// The party's revocation endpoint as the app sees it (party/linkRevocation.ts), in memory: for the
// route tests of the link rotation, which run without a room.

interface FakePartyRequest {
	method: string
	path: string
	secret: string | undefined
	body: unknown
}

export interface FakeParty {
	url: string
	requests: FakePartyRequest[]
	/** What the next revocations answer: how many sockets "closed", or an HTTP status to fail with. */
	answer: { disconnected: number } | { status: number }
	close(): Promise<void>
}

async function startFakeParty(secret: string): Promise<FakeParty> {
	const requests: FakePartyRequest[] = []
	const party: Omit<FakeParty, 'url' | 'close'> = { requests, answer: { disconnected: 0 } }
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8')
			const presented = req.headers[INTERNAL_SECRET_HEADER]
			requests.push({ method: req.method ?? '', path: req.url ?? '', secret: typeof presented === 'string' ? presented : undefined, body: safeJson(text) })
			const reply = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' })
				res.end(JSON.stringify(body))
			}
			if (presented !== secret) return reply(401, { error: 'Unauthorized' })
			if (!revokeLinksBody.safeParse(safeJson(text)).success) return reply(400, { error: 'Invalid request' })
			if ('status' in party.answer) return reply(party.answer.status, { error: 'Failing on purpose' })
			return reply(200, party.answer)
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return Object.assign(party, {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	})
}

/**
 * A fake party for the test file's routes: started before its tests, the app pointed at it
 * (PARTY_INTERNAL_URL), and stopped after. Rotations tell the room; here they tell this.
 */
export function useFakeParty(): () => FakeParty {
	let party: FakeParty | undefined
	beforeAll(async () => {
		party = await startFakeParty(TEST_INTERNAL_SECRET)
		process.env.PARTY_INTERNAL_URL = party.url
		resetEnvForTests()
	})
	afterAll(async () => {
		delete process.env.PARTY_INTERNAL_URL
		resetEnvForTests()
		await party?.close()
	})
	return () => {
		if (!party) throw new Error('the fake party starts in beforeAll')
		return party
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return text
	}
}
