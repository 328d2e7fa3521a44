'use client'

import { lazy, Suspense, useState } from 'react'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { canFacilitate } from '@/lib/session/sessionPermissions'

// Opened by a facilitator now and then: its code loads on the first click, not with the canvas.
const LinksDialog = lazy(() => import('./LinksDialog').then((module) => ({ default: module.LinksDialog })))

/** The facilitator's "Links" in the header: replace a link that reached the wrong people. */
export function LinksButton() {
	const session = useOptionalSession()
	const [open, setOpen] = useState(false)
	if (!session || !canFacilitate(session.linkRole)) return null
	return (
		<>
			<button type="button" className="tr-button tr-button--small tr-button--secondary" data-testid="links.open" onClick={() => setOpen(true)}>
				Links
			</button>
			{open && (
				<Suspense fallback={null}>
					<LinksDialog sessionId={session.sessionId} token={session.token} onClose={() => setOpen(false)} />
				</Suspense>
			)}
		</>
	)
}
