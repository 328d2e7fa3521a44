import { afterEach, describe, expect, it, vi } from 'vitest'
import { AUTHORIZE_RETRY_DELAYS_MS, createAppApi } from './appApi'

const ENV = { APP_URL: 'http://127.0.0.1:3000', INTERNAL_SECRET: 'a-secret-of-sixteen-chars' }

/** Stubs the app's answers to POST /authorize, in turn; an Error is a failed connection. */
function appAnswers(...answers: (Response | Error)[]) {
	const fetchMock = vi.fn(async () => {
		const answer = answers.shift()
		if (answer === undefined) throw new Error('no more answers')
		if (answer instanceof Error) throw answer
		return answer
	})
	vi.stubGlobal('fetch', fetchMock)
	return fetchMock
}

afterEach(() => {
	vi.restoreAllMocks()
	vi.unstubAllGlobals()
	vi.useRealTimers()
})

describe('the link check', () => {
	it('keeps asking an app that is still starting, and lets the person in once it answers', async () => {
		vi.useFakeTimers()
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		const fetchMock = appAnswers(new TypeError('fetch failed'), new Response('compiling', { status: 503 }), Response.json({ role: 'participant' }))
		const result = createAppApi(ENV, 's1').authorize('tok')
		await vi.runAllTimersAsync()
		expect(await result).toEqual({ ok: true, role: 'participant' })
		expect(fetchMock).toHaveBeenCalledTimes(3)
	})

	it('takes a refused or unknown link as final, without asking again', async () => {
		const refused = appAnswers(new Response('', { status: 401 }))
		expect(await createAppApi(ENV, 's1').authorize('tok')).toEqual({ ok: false, reason: 'NOT_AUTHENTICATED' })
		expect(refused).toHaveBeenCalledTimes(1)
		const unknown = appAnswers(new Response('', { status: 404 }))
		expect(await createAppApi(ENV, 's1').authorize('tok')).toEqual({ ok: false, reason: 'NOT_FOUND' })
		expect(unknown).toHaveBeenCalledTimes(1)
	})

	it('gives up as unavailable once the app has stayed down through every retry', async () => {
		vi.useFakeTimers()
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		const down = Array.from({ length: AUTHORIZE_RETRY_DELAYS_MS.length + 1 }, () => new TypeError('fetch failed'))
		const fetchMock = appAnswers(...down)
		const result = createAppApi(ENV, 's1').authorize('tok')
		await vi.runAllTimersAsync()
		expect(await result).toEqual({ ok: false, reason: 'UNAVAILABLE' })
		expect(fetchMock).toHaveBeenCalledTimes(AUTHORIZE_RETRY_DELAYS_MS.length + 1)
	})
})
