import { PARTY_CLOSE_REASON } from '../protocol/customMessages'

// What the page says when the sync socket ends in an error. Kept free of tldraw and React: the
// reasons are the strings tldraw's TLSyncErrorCloseEventReason and the party close with (code 4099).

/** The room refused this link: the same story as the page's own "This link is not valid". */
const INVALID_LINK_REASONS = new Set(['NOT_AUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN'])

export type SyncErrorView =
	| { kind: 'invalidLink' }
	/** The facilitator replaced this link: no retry can help, only the new link. */
	| { kind: 'linkRevoked' }
	| { kind: 'failed'; title: string; message: string; canRetry: boolean }

/** `reason` is TLRemoteSyncError.reason, or null for any other error (e.g. a bug in a handler). */
export function describeSyncError(reason: string | null): SyncErrorView {
	if (reason !== null && INVALID_LINK_REASONS.has(reason)) return { kind: 'invalidLink' }
	if (reason === PARTY_CLOSE_REASON.LINK_REVOKED) return { kind: 'linkRevoked' }
	switch (reason) {
		case 'CLIENT_TOO_OLD':
			return {
				kind: 'failed',
				title: 'Threatroom has been updated',
				message: 'Reload the page to keep working with everyone else.',
				canRetry: true,
			}
		case 'SERVER_TOO_OLD':
			return {
				kind: 'failed',
				title: 'The session server is being updated',
				message: 'Try again in a minute.',
				canRetry: true,
			}
		case 'RATE_LIMITED':
			return {
				kind: 'failed',
				title: 'Too many changes at once',
				message: 'The session paused your connection. Wait a moment, then try again.',
				canRetry: true,
			}
		case 'ROOM_FULL':
			return {
				kind: 'failed',
				title: 'This session is full',
				message: 'Too many people are connected right now. Try again when someone has left.',
				canRetry: true,
			}
		case PARTY_CLOSE_REASON.MESSAGE_TOO_LARGE:
			return {
				kind: 'failed',
				title: 'That change was too large to share',
				message: 'It was not saved. Reconnect and try a smaller paste or image.',
				canRetry: true,
			}
		case 'INVALID_RECORD':
			return {
				kind: 'failed',
				title: 'The session rejected a change',
				message: 'Your last change could not be saved. Reconnect to get the current diagram.',
				canRetry: true,
			}
		default:
			return {
				kind: 'failed',
				title: 'The connection to the session failed',
				message: 'Something went wrong on our side. Try again; your colleagues’ work is safe.',
				canRetry: true,
			}
	}
}
