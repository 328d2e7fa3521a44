'use client'

import { useValue } from 'tldraw'
import { projectSessionTag } from '@/lib/session/composedIds'
import { REVIEW_STATUS_LABEL } from '@/lib/session/records/reviewEventRecord'
import { useOptionalSession } from '../SessionContext'

/** In the header, for everyone: where the model stands in its review, and its project's IDs. */
export function ReviewChip() {
	const session = useOptionalSession()
	const status = useValue('review status', () => session?.model.review.get().status ?? null, [session])
	if (!session || status === null) return null
	const tag = projectSessionTag(session.project)
	return (
		<>
			{tag && (
				<span className="tr-chip" data-testid="session.project" title="Project and session: exported threat IDs start with this">
					{tag}
				</span>
			)}
			<span className="tr-chip" data-testid="session.review" data-status={status} title="Review status, set by the facilitator">
				{REVIEW_STATUS_LABEL[status]}
			</span>
		</>
	)
}
