'use client'

import { useState } from 'react'
import { LINKS, LinkRow } from '@/components/home/SessionLinks'
import { ConfirmButton } from '@/components/panel/common/ConfirmButton'
import { Dialog } from '@/components/panel/common/Dialog'
import { ROLE_LABELS } from '@/components/roles'
import { ROTATABLE_ROLES, type RotatableRole, type RotateLinkResponse } from '@/lib/api/linkSchemas'
import { rotateLink } from './rotateLinkRequest'
import './sessionLinks.css'

type RowState = { kind: 'idle' } | { kind: 'rotating' } | { kind: 'rotated'; rotated: RotateLinkResponse } | { kind: 'failed'; message: string }

const AUDIENCE = new Map(LINKS.map((link) => [link.role, link.audience]))

/**
 * The session's links, for the facilitator. Threatroom keeps only a hash of each link, so it cannot
 * show one again: what it can do is replace one. The old link stops working at once and the room
 * disconnects everyone who joined with it; the new link is shown here, once, to copy and send.
 */
export function LinksDialog({ sessionId, token, onClose }: { sessionId: string; token: string; onClose: () => void }) {
	const [rows, setRows] = useState<Record<RotatableRole, RowState>>({
		participant: { kind: 'idle' },
		productOwner: { kind: 'idle' },
		observer: { kind: 'idle' },
	})

	async function rotate(role: RotatableRole) {
		setRows((current) => ({ ...current, [role]: { kind: 'rotating' } }))
		const result = await rotateLink(sessionId, token, role)
		setRows((current) => ({
			...current,
			[role]: result.ok ? { kind: 'rotated', rotated: result.rotated } : { kind: 'failed', message: result.message },
		}))
	}

	return (
		<Dialog title="Session links" testId="links.dialog" onClose={onClose} wide>
			<div className="tr-links tr-on-canvas">
				<p className="tr-links__intro">
					Threatroom keeps only a fingerprint of each link, so it cannot show them again. If a link reached people it should not have, replace it: the old link
					stops working at once, everyone who joined with it is disconnected, and you get a new link to send to the right people.
				</p>
				<ul className="links">
					{ROTATABLE_ROLES.map((role) => (
						<RotatableLink key={role} role={role} state={rows[role]} onRotate={() => void rotate(role)} />
					))}
				</ul>
				<p className="tr-links__note">
					Your own facilitator link cannot be replaced here: anyone holding it could otherwise lock you out. Keep it to yourself.
				</p>
			</div>
		</Dialog>
	)
}

function RotatableLink({ role, state, onRotate }: { role: RotatableRole; state: RowState; onRotate: () => void }) {
	const label = ROLE_LABELS[role]
	if (state.kind === 'rotated') {
		const { disconnected } = state.rotated
		return (
			<>
				<LinkRow role={role} audience={AUDIENCE.get(role) ?? ''} url={state.rotated.url} testIdPrefix="links" />
				<li className="tr-links__done" data-testid={`links.rotated.${role}`} role="status">
					The old {label.toLowerCase()} link no longer works.{' '}
					{disconnected === null
						? 'Anyone still connected with it is refused when they next reconnect.'
						: `${disconnected} ${disconnected === 1 ? 'person was' : 'people were'} disconnected.`}{' '}
					Send the new link above to the right people; it is not shown again.
				</li>
			</>
		)
	}
	return (
		<li className="links__item" data-testid={`links.item.${role}`}>
			<div className="links__header">
				<span className="links__label">{label}</span>
				<span className="links__audience">{AUDIENCE.get(role)}</span>
			</div>
			<div className="tr-links__actions">
				{state.kind === 'rotating' ? (
					<span role="status">Replacing…</span>
				) : (
					<ConfirmButton
						label={`Rotate ${label.toLowerCase()} link`}
						question="Disconnect everyone who joined with this link?"
						confirmLabel="Rotate"
						testId={`links.rotate.${role}`}
						className="tr-button tr-button--small tr-button--secondary"
						onConfirm={onRotate}
					/>
				)}
			</div>
			{state.kind === 'failed' && (
				<p className="tr-links__error" data-testid={`links.error.${role}`} role="alert">
					{state.message}
				</p>
			)}
		</li>
	)
}
