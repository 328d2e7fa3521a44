'use client'

import type { ReactNode } from 'react'
import { ROLE_LABELS } from '@/components/roles'
import { colorForUserId } from '@/lib/canvas/userColor'
import type { Person } from '@/lib/protocol/customMessages'
import type { Role } from '@/lib/sessionEnums'

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'failed'

export interface SessionHeaderProps {
	sessionName: string
	framework: string
	role: Role
	userId: string
	people: Person[]
	connection: ConnectionState
	onChangeName: () => void
	/** Session-wide actions for this role (the facilitator's "End session"). */
	actions?: ReactNode
}

const CONNECTION_TEXT: Record<ConnectionState, string> = {
	connecting: 'Connecting…',
	online: 'Connected',
	offline: 'Reconnecting…',
	failed: 'Disconnected',
}

/** Session name, framework, your role, who is here, and whether your edits are reaching them. */
export function SessionHeader({ sessionName, framework, role, userId, people, connection, onChangeName, actions }: SessionHeaderProps) {
	return (
		<header className="tr-session-header">
			<div className="tr-session-header__title">
				<h1 className="tr-session-header__name" data-testid="session.name">
					{sessionName}
				</h1>
				<span className="tr-chip" data-testid="session.framework" title="Threat framework">
					{framework}
				</span>
				<span className="tr-chip tr-chip--role" data-testid="session.role" title="Your role">
					{ROLE_LABELS[role]}
				</span>
			</div>
			<ul className="tr-people" data-testid="people" aria-label="People in this session">
				{people.map((person) => (
					<li
						key={person.userId}
						className="tr-people__item"
						data-testid="people.item"
						data-user-id={person.userId}
						title={`${person.name} · ${ROLE_LABELS[person.role]}`}
					>
						<span className="tr-people__dot" style={{ backgroundColor: colorForUserId(person.userId) }} aria-hidden="true" />
						<span className="tr-people__name">
							{person.name}
							{person.userId === userId && <span className="tr-people__you"> (you)</span>}
						</span>
						<span className="tr-people__role">{ROLE_LABELS[person.role]}</span>
					</li>
				))}
			</ul>
			<button
				type="button"
				className="tr-button tr-button--small tr-button--secondary"
				data-testid="session.changeName"
				title="Change the name the others see"
				onClick={onChangeName}
			>
				Change name
			</button>
			{actions}
			<span className={`tr-connection tr-connection--${connection}`} data-testid="connection.status" role="status" aria-live="polite">
				{CONNECTION_TEXT[connection]}
			</span>
		</header>
	)
}
