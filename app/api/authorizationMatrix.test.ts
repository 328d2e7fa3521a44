import { describe, expect, it } from 'vitest'
import { useTemporaryDatabase } from '@/tests/fixtures/database'
import { API_ACTION_REQUESTS, seedApiFixture, tokenOf } from '@/tests/support/apiActions'
import { useFakeParty } from '@/tests/support/fakeParty'
import { ACTORS, API_ACTIONS, API_MATRIX } from '@/fixtures/roleMatrix'
import { linkTokenStates, rowCounts } from '@/tests/support/rowCounts'

// The API half of the authorization matrix (fixtures/roleMatrix.ts, documented in
// docs/security.md): every actor tries every action through the route handlers, in a session of
// its own. A refusal changes nothing: no row, no link.

useTemporaryDatabase()

useFakeParty()

const CASES = API_ACTIONS.flatMap((action) =>
	ACTORS.map((actor) => ({ action, actor, request: API_MATRIX[action].request, status: API_MATRIX[action].status[actor] })),
)

describe('the authorization matrix of the HTTP API', () => {
	it.each(CASES)('$actor: $request → $status', async ({ action, actor, status }) => {
		const fixture = await seedApiFixture(action)
		const [rowsBefore, linksBefore] = [await rowCounts(), await linkTokenStates()]

		const response = await API_ACTION_REQUESTS[action](fixture, tokenOf(fixture, actor))

		expect(response.status, await response.clone().text()).toBe(status)
		if (status >= 400) {
			expect(await response.json()).toMatchObject({ error: expect.any(String) })
			expect(await rowCounts()).toEqual(rowsBefore)
			expect(await linkTokenStates()).toEqual(linksBefore)
		}
	})
})
