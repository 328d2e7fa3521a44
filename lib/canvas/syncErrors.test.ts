import { describe, expect, it } from 'vitest'
import { describeSyncError } from './syncErrors'

describe('describeSyncError', () => {
	it('calls a link the room refused not valid', () => {
		for (const reason of ['NOT_AUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN']) {
			expect(describeSyncError(reason)).toEqual({ kind: 'invalidLink' })
		}
	})

	it('tells the holder of a replaced link to ask for the new one, without a retry', () => {
		expect(describeSyncError('LINK_REVOKED')).toEqual({ kind: 'linkRevoked' })
	})

	it('asks for a reload when the page is older than the server', () => {
		const view = describeSyncError('CLIENT_TOO_OLD')
		expect(view.kind).toBe('failed')
		expect(view.kind === 'failed' && view.message).toMatch(/reload/i)
	})

	it('explains a change the party found too large', () => {
		const view = describeSyncError('MESSAGE_TOO_LARGE')
		expect(view.kind === 'failed' && view.title).toMatch(/too large/i)
	})

	it('offers a retry for an unknown failure', () => {
		expect(describeSyncError(null)).toMatchObject({ kind: 'failed', canRetry: true })
		expect(describeSyncError('SOMETHING_NEW')).toMatchObject({ kind: 'failed', canRetry: true })
	})
})
