'use client'

import { useState } from 'react'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { LinksDialog } from './LinksDialog'

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
			{open && <LinksDialog sessionId={session.sessionId} token={session.token} onClose={() => setOpen(false)} />}
		</>
	)
}
