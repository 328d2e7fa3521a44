'use client'

import { useCallback, useEffect, useState } from 'react'
import { createUserId, useValue } from 'tldraw'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import type { SessionValue } from '../SessionContext'

export interface FollowState {
	/** Whether this person wants to be taken along when the facilitator focuses an element. */
	preferred: boolean
	/** Whether their camera is following the facilitator right now (panning breaks away). */
	following: boolean
	facilitatorName: string | null
	setPreferred: (follow: boolean) => void
}

/**
 * Participants follow the facilitator's camera by default whenever the focus moves; panning away
 * lets them roam (tldraw stops following), and the next focus brings them back unless they turned
 * following off.
 */
export function useFollowFacilitator({
	editor,
	model,
	role,
	userId,
	people,
}: Pick<SessionValue, 'editor' | 'model' | 'role' | 'userId' | 'people'>): FollowState {
	const facilitator = people.find((person) => person.role === 'facilitator' && person.userId !== userId) ?? null
	const [preferred, setPreferredState] = useState(!canFacilitate(role))
	const focusShapeId = useValue('focus', () => model.walk.get().focusShapeId, [model])
	const following = useValue('following', () => editor.getInstanceState().followingUserId !== null, [editor])
	const leaderId = facilitator ? createUserId(facilitator.userId) : null

	useEffect(() => {
		if (!preferred || leaderId === null || focusShapeId === null) return
		editor.startFollowingUser(leaderId)
	}, [editor, preferred, leaderId, focusShapeId])

	const setPreferred = useCallback(
		(follow: boolean) => {
			setPreferredState(follow)
			if (!follow) editor.stopFollowingUser()
			else if (leaderId !== null) editor.startFollowingUser(leaderId)
		},
		[editor, leaderId],
	)

	return { preferred, following, facilitatorName: facilitator?.name ?? null, setPreferred }
}
