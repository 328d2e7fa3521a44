'use client'

import { useState } from 'react'
import { ROLE_LABELS } from '@/components/roles'
import { type RememberedSession, sessionPath } from '@/lib/api/rememberedSessions'
import { projectSessionTag } from '@/lib/session/composedIds'
import { forgetRememberedSession } from './mySessionsStore'
import type { SessionListItem } from '@/lib/api/sessionListSchemas'

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`
}

/** "Forget" in two steps: a facilitator's link is shown only once, so forgetting it may lose it for good. */
function ForgetButton({ session }: { session: RememberedSession }) {
	const [asking, setAsking] = useState(false)
	if (!asking) {
		return (
			<button type="button" className="link-button" data-testid="home.mySessions.forget" onClick={() => setAsking(true)}>
				Forget
			</button>
		)
	}
	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box
		<span className="my-sessions__confirm" role="group" aria-label={`Forget ${session.name || 'this session'}?`}>
			<span>{session.role === 'facilitator' ? 'Forget it? The facilitator link cannot be shown again.' : 'Forget it?'}</span>
			<button
				type="button"
				className="link-button link-button--danger"
				data-testid="home.mySessions.forget.confirm"
				// biome-ignore lint/a11y/noAutofocus: the confirm button appears where the user just clicked, so focus follows it
				autoFocus
				onClick={() => forgetRememberedSession(session.id)}
			>
				Forget
			</button>
			<button type="button" className="link-button" onClick={() => setAsking(false)}>
				Keep
			</button>
		</span>
	)
}

/**
 * One remembered session: its name, this browser's role in it, whether it has ended, when it ran,
 * and what it holds. `overview` is undefined while the server is asked, null if it no longer
 * accepts the link.
 */
export function MySessionItem({ session, overview }: { session: RememberedSession; overview: SessionListItem | null | undefined }) {
	const name = overview?.name || session.name || 'Untitled session'
	const role = overview?.role ?? session.role
	const ended = overview?.status === 'ended'
	const tag = overview ? projectSessionTag(overview) : null
	return (
		<li className="my-sessions__item" data-testid="home.mySessions.item" data-session-id={session.id}>
			<div className="my-sessions__main">
				<a className="my-sessions__name" href={sessionPath(session)} data-testid="home.mySessions.open">
					{name}
				</a>
				{tag && (
					<span className="badge" data-testid="home.mySessions.project" title="Project and session: exported threat IDs start with this">
						{tag}
					</span>
				)}
				<span className={`badge badge--${role}`}>{ROLE_LABELS[role]}</span>
				{overview && (
					<span className={ended ? 'status status--ended' : 'status status--active'} data-testid="home.mySessions.status">
						{ended ? 'Ended' : 'Active'}
					</span>
				)}
			</div>
			{overview === undefined && <p className="my-sessions__facts">Loading…</p>}
			{overview === null && <p className="my-sessions__facts my-sessions__facts--warning">This link no longer opens the session.</p>}
			{overview && (
				<p className="my-sessions__facts" data-testid="home.mySessions.counts">
					<span>{overview.framework}</span>
					<span>{ended && overview.endedAt ? `ended ${DAY.format(overview.endedAt)}` : `started ${DAY.format(overview.createdAt)}`}</span>
					<span>{plural(overview.counts.elements, 'element', 'elements')}</span>
					<span>
						{plural(overview.counts.threats, 'threat', 'threats')} ({overview.counts.openThreats} open, {overview.counts.decided} decided)
					</span>
				</p>
			)}
			<div className="my-sessions__actions">
				<a className="button button--secondary button--small" href={sessionPath(session)}>
					Open
				</a>
				<ForgetButton session={session} />
			</div>
		</li>
	)
}
