import { GET as exportSession } from '@/app/api/sessions/[id]/export/route'
import { POST as followUp } from '@/app/api/sessions/[id]/follow-up/route'
import { POST as join } from '@/app/api/sessions/[id]/join/route'
import { POST as rotateLinks } from '@/app/api/sessions/[id]/links/rotate/route'
import { PATCH as updateSession, GET as readSession } from '@/app/api/sessions/[id]/route'
import { POST as importSession } from '@/app/api/sessions/import/route'
import { roomSnapshotOf } from '@/lib/canvas/roomSnapshot'
import { saveCanvas } from '@/lib/db/canvasRepo'
import { createSession } from '@/lib/db/sessionsRepo'
import type { Role } from '@/lib/roles'
import { readTdFixture, TD_EMPTY_FILE } from '@/tests/fixtures/threatDragon/files'
import { fixtureSessionEvent } from '@/fixtures/workshopRecords'
import type { Actor, ApiAction } from '@/fixtures/roleMatrix'

// How each API action of the authorization matrix (roleMatrix.ts API_MATRIX) is attempted, through
// the route handlers themselves, by someone holding a token (or none).

const ORIGIN = 'http://localhost:3000'

export interface ApiFixture {
	id: string
	tokens: Record<Role, string>
	/** The facilitator token of another session: the strongest link that is not this session's. */
	otherSessionToken: string
}

/** A session for one cell of the matrix, in the state the action needs (ended, for a follow-up). */
export async function seedApiFixture(action: ApiAction): Promise<ApiFixture> {
	const session = await createSession({ name: `Matrix ${action}`, description: '', framework: 'STRIDE' })
	const other = await createSession({ name: 'Another session', description: '', framework: 'STRIDE' })
	if (action === 'followUp') {
		const end = fixtureSessionEvent({ at: Date.now(), by: 'fay', byName: 'Fay' })
		await saveCanvas(session.id, { snapshot: { ...roomSnapshotOf([end], 1) }, clock: 1, humanIdCounters: {}, elements: [] })
	}
	return { id: session.id, tokens: session.tokens, otherSessionToken: other.tokens.facilitator }
}

export function tokenOf(fixture: ApiFixture, actor: Actor): string | null {
	if (actor === 'none') return null
	if (actor === 'otherSession') return fixture.otherSessionToken
	return fixture.tokens[actor]
}

function context(id: string) {
	return { params: Promise.resolve({ id }) }
}

function headersFor(token: string | null, extra: Record<string, string> = {}): Record<string, string> {
	return { host: 'localhost:3000', ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...extra }
}

const JSON_BODY = { 'content-type': 'application/json' }

export const API_ACTION_REQUESTS: Record<ApiAction, (fixture: ApiFixture, token: string | null) => Promise<Response>> = {
	readSession: ({ id }, token) => readSession(new Request(`${ORIGIN}/api/sessions/${id}`, { headers: headersFor(token) }), context(id)),
	// The page sends the token in the body; no token is an empty one.
	join: ({ id }, token) =>
		join(
			new Request(`${ORIGIN}/api/sessions/${id}/join`, { method: 'POST', headers: headersFor(null, JSON_BODY), body: JSON.stringify({ token: token ?? '' }) }),
			context(id),
		),
	export: ({ id }, token) => exportSession(new Request(`${ORIGIN}/api/sessions/${id}/export?format=json`, { headers: headersFor(token) }), context(id)),
	rotateLinks: ({ id }, token) =>
		rotateLinks(
			new Request(`${ORIGIN}/api/sessions/${id}/links/rotate`, {
				method: 'POST',
				headers: headersFor(token, JSON_BODY),
				body: JSON.stringify({ role: 'participant' }),
			}),
			context(id),
		),
	followUp: ({ id }, token) => followUp(new Request(`${ORIGIN}/api/sessions/${id}/follow-up`, { method: 'POST', headers: headersFor(token) }), context(id)),
	import: (_fixture, token) =>
		importSession(
			new Request(`${ORIGIN}/api/sessions/import`, {
				method: 'POST',
				headers: headersFor(token, JSON_BODY),
				body: JSON.stringify(readTdFixture(TD_EMPTY_FILE)),
			}),
		),
	setProjectPrefix: ({ id }, token) =>
		updateSession(
			new Request(`${ORIGIN}/api/sessions/${id}`, { method: 'PATCH', headers: headersFor(token, JSON_BODY), body: JSON.stringify({ projectPrefix: 'PAY' }) }),
			context(id),
		),
}
