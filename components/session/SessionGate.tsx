'use client'

import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { AppHeader } from '@/components/AppHeader'
import { rememberSessionLink } from '@/components/home/mySessionsStore'
import { LINK_REVOKED } from '@/lib/api/linkSchemas'
import { errorResponse, type JoinResponse, joinResponse } from '@/lib/api/sessionSchemas'
import { getOrCreateUserKey, rememberJoinedSession, returningDisplayName } from './identity'
import { JoinForm } from './JoinForm'
import { LinkRevoked } from './LinkRevoked'

const loadSessionCanvas = () => import('@/components/canvas/SessionCanvas').then((module) => module.SessionCanvas)

// tldraw touches `window` on import, and the join screen shouldn't wait for the canvas bundle.
const SessionCanvas = dynamic(loadSessionCanvas, {
	ssr: false,
	loading: () => <p className="gate__status">Loading the canvas…</p>,
})

type LinkCheck =
	| { kind: 'checking' }
	| { kind: 'invalid' }
	| { kind: 'revoked' }
	| { kind: 'unreachable'; message: string }
	| { kind: 'valid'; token: string; userKey: string; userId: string; joined: JoinResponse }

/** The token lives in the fragment so it never reaches a server log or a Referer header. */
function readToken(): string {
	return window.location.hash.slice(1).trim()
}

async function checkLink(sessionId: string, token: string, signal: AbortSignal): Promise<LinkCheck> {
	const userKey = getOrCreateUserKey()
	let response: Response
	try {
		response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/join`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token, userKey }),
			signal,
		})
	} catch {
		return { kind: 'unreachable', message: 'Threatroom could not be reached. Check your connection.' }
	}
	const body: unknown = await response.json().catch(() => null)
	if (response.status === 401 && errorResponse.safeParse(body).data?.reason === LINK_REVOKED) return { kind: 'revoked' }
	// 400 too: a token the API can't even parse is a broken link, not something the user can retry.
	if (response.status === 400 || response.status === 401 || response.status === 404) return { kind: 'invalid' }
	const parsed = joinResponse.safeParse(body)
	if (response.ok && parsed.success && parsed.data.userId) {
		return { kind: 'valid', token, userKey, userId: parsed.data.userId, joined: parsed.data }
	}
	return { kind: 'unreachable', message: `Threatroom answered unexpectedly (HTTP ${response.status}).` }
}

export function SessionGate({ sessionId }: { sessionId: string }) {
	const [check, setCheck] = useState<LinkCheck>({ kind: 'checking' })
	const [displayName, setDisplayName] = useState<string>()
	const [attempt, setAttempt] = useState(0)

	// biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (the retry button) must check the link again
	useEffect(() => {
		const token = readToken()
		setDisplayName(undefined)
		if (!token) return setCheck({ kind: 'invalid' })
		setCheck({ kind: 'checking' })
		const controller = new AbortController()
		void checkLink(sessionId, token, controller.signal).then((result) => {
			if (controller.signal.aborted) return
			setCheck(result)
			// "My sessions" on the home page lists every session this browser has a valid link to.
			if (result.kind === 'valid') {
				// Loaded while the name is typed, not after Join (BENCHMARKS.md, section 3). Not before the
				// link is known good: on a slow device, evaluating tldraw would delay the form itself.
				void loadSessionCanvas()
				rememberSessionLink({ id: sessionId, token, role: result.joined.role, name: result.joined.session.name })
				// Someone who joined from this browser before goes straight back in under their name.
				const returning = returningDisplayName(sessionId)
				if (returning) setDisplayName(returning)
			}
		})
		return () => controller.abort()
	}, [sessionId, attempt])

	// Pasting another link for the same session only changes the fragment: no navigation happens.
	useEffect(() => {
		const onHashChange = () => setAttempt((count) => count + 1)
		window.addEventListener('hashchange', onHashChange)
		return () => window.removeEventListener('hashchange', onHashChange)
	}, [])

	if (check.kind === 'valid' && displayName) {
		return (
			<div className="session-canvas">
				<SessionCanvas
					sessionId={sessionId}
					token={check.token}
					role={check.joined.role}
					displayName={displayName}
					userId={check.userId}
					userKey={check.userKey}
					partyUrl={check.joined.partyUrl}
					session={check.joined.session}
					onChangeName={() => setDisplayName(undefined)}
				/>
			</div>
		)
	}

	return (
		<>
			<AppHeader />
			<main className="page page--narrow">
				{check.kind === 'checking' && (
					<p className="gate__status" role="status">
						Checking your link…
					</p>
				)}
				{check.kind === 'invalid' && <InvalidLink />}
				{check.kind === 'revoked' && <LinkRevoked className="card" titleClassName="card__title card__title--large" />}
				{check.kind === 'unreachable' && (
					<section className="card" role="alert">
						<h1 className="card__title card__title--large">Could not open the session</h1>
						<p>{check.message}</p>
						<div className="form__actions">
							<button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
								Try again
							</button>
						</div>
					</section>
				)}
				{check.kind === 'valid' && (
					<JoinForm
						joined={check.joined}
						onJoin={(name) => {
							rememberJoinedSession(sessionId)
							setDisplayName(name)
						}}
					/>
				)}
			</main>
		</>
	)
}

function InvalidLink() {
	return (
		<section className="card" data-testid="session.invalid">
			<h1 className="card__title card__title--large">This link is not valid</h1>
			<p>
				It may be incomplete or mistyped, or the session may no longer exist. Ask the facilitator to send you the link again, and open it exactly as you
				received it.
			</p>
			<div className="form__actions">
				<Link className="button button--secondary" href="/">
					Start a new session
				</Link>
			</div>
		</section>
	)
}
