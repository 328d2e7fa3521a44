'use client'

import { lazy, Suspense, useState } from 'react'
import { useValue } from 'tldraw'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { canFacilitate } from '@/lib/session/sessionPermissions'

// Opened once per session at most: its code loads on the click, not with the canvas.
const EndSessionDialog = lazy(() => import('./EndSessionDialog').then((module) => ({ default: module.EndSessionDialog })))

/** The facilitator's "End session" in the header, while the session is open. */
export function EndSessionButton() {
	const session = useOptionalSession()
	const [asking, setAsking] = useState(false)
	const ended = useValue('session ended', () => session?.model.sessionEnd.get().ended ?? false, [session?.model])
	if (!session || ended || !canFacilitate(session.linkRole)) return null
	return (
		<>
			<button type="button" className="tr-button tr-button--small tr-button--secondary" data-testid="session.end" onClick={() => setAsking(true)}>
				End session
			</button>
			{asking && (
				<Suspense fallback={null}>
					<EndSessionDialog onClose={() => setAsking(false)} />
				</Suspense>
			)}
		</>
	)
}
