'use client'

import { useEffect, useId, useState, useSyncExternalStore } from 'react'
import { readRememberedSessions, serverRememberedSessions, subscribeToRememberedSessions } from './mySessionsStore'
import { MySessionItem } from './MySessionItem'
import { fetchSessionOverviews, type SummariesResult } from './summariesRequest'
import './home.css'

/** A key that changes only when the set of links changes, not when a session is merely re-opened. */
function linksKey(sessions: readonly { id: string; token: string }[]): string {
	return sessions
		.map(({ id, token }) => `${id}#${token}`)
		.sort()
		.join('\n')
}

/**
 * The sessions this browser created or joined, newest first, each brought up to date by the
 * server (name, status, counts) with the role of the link kept here. Nothing is listed on a first
 * visit; the links live in this browser only, so "Forget" is final for a link nobody else has.
 */
export function MySessions() {
	const id = useId()
	const sessions = useSyncExternalStore(subscribeToRememberedSessions, readRememberedSessions, serverRememberedSessions)
	const [overviews, setOverviews] = useState<SummariesResult | null>(null)
	const key = linksKey(sessions)

	useEffect(() => {
		if (key === '') return
		const controller = new AbortController()
		void fetchSessionOverviews(readRememberedSessions(), controller.signal).then((result) => {
			if (!controller.signal.aborted) setOverviews(result)
		})
		return () => controller.abort()
	}, [key])

	if (sessions.length === 0) return null
	return (
		<section className="card" aria-labelledby={`${id}-title`} data-testid="home.mySessions">
			<div className="card__header">
				<h2 className="card__title" id={`${id}-title`}>
					My sessions
				</h2>
				<span className="card__aside">On this device only</span>
			</div>
			{overviews && !overviews.ok && (
				<p className="field__hint" role="status">
					{overviews.message}
				</p>
			)}
			<ul className="my-sessions">
				{sessions.map((session) => (
					<MySessionItem key={session.id} session={session} overview={overviews?.ok ? (overviews.byId.get(session.id) ?? null) : undefined} />
				))}
			</ul>
		</section>
	)
}
