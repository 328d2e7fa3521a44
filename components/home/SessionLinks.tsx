'use client'

import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { ROLE_LABELS } from '@/components/roles'
import type { CreateSessionResponse } from '@/lib/api/sessionSchemas'
import type { Role } from '@/lib/sessionEnums'

const COPIED_FEEDBACK_MS = 2_000

export const LINKS: ReadonlyArray<{ role: Role; urlKey: keyof CreateSessionResponse; audience: string }> = [
	{
		role: 'facilitator',
		urlKey: 'facilitatorUrl',
		audience: 'For you. Runs the session and edits the diagram. Keep it to yourself.',
	},
	{
		role: 'participant',
		urlKey: 'participantUrl',
		audience: 'For engineers and other contributors: they edit the diagram and raise threats.',
	},
	{
		role: 'productOwner',
		urlKey: 'productOwnerUrl',
		audience: 'For whoever owns the risk: edits like a participant and decides how each risk is handled.',
	},
	{
		role: 'observer',
		urlKey: 'observerUrl',
		audience: 'Read-only, for stakeholders who follow along without changing anything.',
	},
]

export function SessionLinks({
	session,
	title = 'Session created',
	openLabel = 'Open as facilitator',
	openTestId = 'home.open',
	children,
}: {
	session: CreateSessionResponse
	title?: string
	openLabel?: string
	openTestId?: string
	/** What else the person should know about this session (an import's warnings). */
	children?: ReactNode
}) {
	const headingId = useId()
	const headingRef = useRef<HTMLHeadingElement>(null)
	// The form this replaces had focus; hand it to the result so it is announced.
	useEffect(() => headingRef.current?.focus(), [])
	return (
		<section className="card" aria-labelledby={headingId}>
			<h2 className="card__title" id={headingId} ref={headingRef} tabIndex={-1}>
				{title}
			</h2>
			<p className="notice">
				<strong>Copy these links now.</strong> Threatroom keeps only a fingerprint of each link, so it cannot show them again. Anyone holding a link joins with
				that link&apos;s role.
			</p>
			<ul className="links">
				{LINKS.map((link) => (
					<LinkRow key={link.role} role={link.role} audience={link.audience} url={session[link.urlKey]} />
				))}
			</ul>
			{children}
			<div className="form__actions">
				<a className="button button--primary" href={session.facilitatorUrl} data-testid={openTestId}>
					{openLabel}
				</a>
			</div>
		</section>
	)
}

/** One link with its audience and a Copy button; test ids `<testIdPrefix>.link.<role>` and `.copy.<role>`. */
export function LinkRow({ role, audience, url, testIdPrefix = 'home' }: { role: Role; audience: string; url: string; testIdPrefix?: string }) {
	const label = ROLE_LABELS[role]
	const id = useId()
	const inputRef = useRef<HTMLInputElement>(null)
	const [feedback, setFeedback] = useState<'copied' | 'manual'>()

	useEffect(() => {
		if (feedback !== 'copied') return
		const timer = setTimeout(() => setFeedback(undefined), COPIED_FEEDBACK_MS)
		return () => clearTimeout(timer)
	}, [feedback])

	async function onCopy() {
		if (await copyText(url)) {
			setFeedback('copied')
			return
		}
		// Nothing could write to the clipboard: leave the text selected for Ctrl+C.
		inputRef.current?.focus()
		inputRef.current?.select()
		setFeedback('manual')
	}

	return (
		<li className="links__item">
			<div className="links__header">
				<label className="links__label" htmlFor={`${id}-url`}>
					{label}
				</label>
				<span className="links__audience" id={`${id}-audience`}>
					{audience}
				</span>
			</div>
			<div className="links__row">
				<input
					ref={inputRef}
					id={`${id}-url`}
					className="input input--mono"
					data-testid={`${testIdPrefix}.link.${role}`}
					value={url}
					readOnly
					onFocus={(event) => event.currentTarget.select()}
					aria-describedby={`${id}-audience`}
				/>
				<button
					type="button"
					className="button button--secondary"
					data-testid={`${testIdPrefix}.copy.${role}`}
					onClick={onCopy}
					aria-label={`Copy ${label.toLowerCase()} link`}
				>
					{feedback === 'copied' ? 'Copied' : 'Copy'}
				</button>
			</div>
			<p className="links__status" role="status">
				{feedback === 'copied' && `${label} link copied.`}
				{feedback === 'manual' && 'Copying is blocked here: the link is selected, press Ctrl+C (⌘C on a Mac).'}
			</p>
		</li>
	)
}

async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text)
		return true
	} catch {
		// The Clipboard API needs a secure context (https or localhost); a LAN address over plain
		// http only has the legacy selection-based copy.
		return legacyCopy(text)
	}
}

function legacyCopy(text: string): boolean {
	const textarea = document.createElement('textarea')
	textarea.value = text
	textarea.setAttribute('readonly', '')
	textarea.style.position = 'fixed'
	textarea.style.opacity = '0'
	document.body.append(textarea)
	textarea.select()
	try {
		return document.execCommand('copy')
	} catch {
		return false
	} finally {
		textarea.remove()
	}
}
