'use client'

import { useValue } from 'tldraw'
import { useOptionalSession } from './SessionContext'
import './pending.css'

/**
 * While the connection is down, how many of this person's changes are waiting in the browser: they
 * are sent, once each, when it is back (tldraw's client replays them), and marked in the panel.
 */
export function PendingBanner({ online }: { online: boolean }) {
	const session = useOptionalSession()
	const count = useValue('pending changes', () => session?.pending.ids.get().size ?? 0, [session?.pending])
	if (online || count === 0) return null
	return (
		<div className="tr-pending-banner" role="status" data-testid="connection.pending" data-count={count}>
			Offline — {count} {count === 1 ? 'change' : 'changes'} will be sent when you reconnect
		</div>
	)
}

/** A small "pending" mark for something of this person's the room has not acknowledged yet. */
export function PendingTag({ testId, title, label = 'pending' }: { testId: string; title: string; label?: string }) {
	return (
		<span className="tr-pending-tag" data-testid={testId} title={title}>
			{label}
		</span>
	)
}
