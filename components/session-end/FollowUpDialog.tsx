'use client'

import type { CreateSessionResponse } from '@/lib/api/sessionSchemas'
import { Dialog } from '@/components/panel/common/Dialog'
import { SessionLinks } from '@/components/home/SessionLinks'

/** The follow-up session's four links, to hand out like a new session's; shown once, like theirs. */
export function FollowUpDialog({ links, onClose }: { links: CreateSessionResponse; onClose: () => void }) {
	return (
		<Dialog title="Follow-up session created" testId="session.followUp.dialog" onClose={onClose} wide>
			<div className="tr-followup tr-on-canvas">
				<SessionLinks session={links} title="Share the follow-up’s links" openLabel="Open follow-up" openTestId="session.followUp.open" />
			</div>
		</Dialog>
	)
}
