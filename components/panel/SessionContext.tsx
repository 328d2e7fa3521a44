'use client'

import { createContext, type ReactNode, useContext } from 'react'
import type { Editor } from 'tldraw'
import type { PendingWrites } from '@/lib/canvas/pendingWrites'
import type { Person } from '@/lib/protocol/customMessages'
import type { Role } from '@/lib/roles'
import type { IdScope } from '@/lib/session/composedIds'
import type { SessionSignals } from './sessionSignals'
import type { NewToast } from './toasts/toastQueue'

/** Who is looking, at what, and how to talk back: what every panel part and canvas overlay needs. */
export interface SessionValue {
	editor: Editor
	model: SessionSignals
	/**
	 * The role the panel offers controls for. An ended session is read-only for everyone, so while
	 * it is ended this is `observer` whatever the link: every control that checks it hides at once.
	 */
	role: Role
	/** The role of the link this person opened, for what an ended session still offers (reopen, exports). */
	linkRole: Role
	sessionId: string
	sessionName: string
	/** The link's token: the Bearer credential of the exports and the follow-up. Kept in memory only. */
	token: string
	userId: string
	people: Person[]
	/** Room time minus local time (lib/session/serverClock.ts). */
	serverOffsetMs: number
	/** This person's changes the room has not acknowledged yet: shown as pending. */
	pending: PendingWrites
	notify: (toast: NewToast) => void
	/** The project prefix and session number exported IDs are composed with (lib/session/composedIds.ts). */
	project: ProjectIds
	/** After the facilitator saved a new prefix: the panel and header show it at once. */
	onProjectChange: (project: ProjectIds) => void
}

/** `projectPrefix` null for none. */
export type ProjectIds = IdScope

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ value, children }: { value: SessionValue | null; children: ReactNode }) {
	return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** For the canvas overlays, which render before the editor has mounted too. */
export function useOptionalSession(): SessionValue | null {
	return useContext(SessionContext)
}

export function useSession(): SessionValue {
	const session = useContext(SessionContext)
	if (!session) throw new Error('useSession needs a SessionProvider with a mounted editor')
	return session
}
