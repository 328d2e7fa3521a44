'use client'

import type { FollowState } from './useFollowFacilitator'

/** "Follow facilitator": on, your view goes where the facilitator focuses; off, you roam. */
export function FollowToggle({ follow }: { follow: FollowState }) {
	const status = !follow.facilitatorName
		? 'Facilitator not here'
		: follow.following
			? `Following ${follow.facilitatorName}`
			: follow.preferred
				? 'Roaming — back on next focus'
				: 'Roaming'
	return (
		<label className="tr-follow" title="Take my view to each element the facilitator focuses">
			<input
				type="checkbox"
				role="switch"
				data-testid="panel.follow"
				checked={follow.preferred}
				aria-checked={follow.preferred}
				onChange={(event) => follow.setPreferred(event.target.checked)}
			/>
			<span className="tr-follow__label">Follow facilitator</span>
			<span className="tr-follow__status" aria-live="polite">
				{status}
			</span>
		</label>
	)
}
