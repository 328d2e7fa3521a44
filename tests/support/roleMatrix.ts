import type { Role } from '@/lib/roles'
import { REJECTION_REASON as REASON, type RejectionReason } from '@/lib/session/rejectionReasons'

// Who may do what in a session, as the room enforces it: the table the integration tests drive
// through the real room (tests/integration/roleMatrix.test.ts), kept free of test machinery so a
// document (docs/security.md) can be generated from it. A refusal names the reason the room sends
// back in its `rejected` message.

export const ROLE_ACTIONS = [
	'canvasEdit',
	'threatAdd',
	'threatEditOwn',
	'threatEditOthers',
	'threatSoftDeleteOwn',
	'vote',
	'agreedValues',
	'naMark',
	'phaseChange',
	'timerStart',
	'focusChange',
	'scopeItemAdd',
	'decide',
	'decideOnBehalf',
	'sessionEnd',
] as const
export type RoleAction = (typeof ROLE_ACTIONS)[number]

export type Outcome = 'allowed' | RejectionReason

export interface RoleMatrixRow {
	/** What the person tries, as the documentation words it. */
	label: string
	outcome: Record<Role, Outcome>
}

const everyoneButObservers: Record<Role, Outcome> = {
	facilitator: 'allowed',
	participant: 'allowed',
	productOwner: 'allowed',
	observer: REASON.observer,
}

function facilitatorOnly(reason: RejectionReason): Record<Role, Outcome> {
	return { facilitator: 'allowed', participant: reason, productOwner: reason, observer: REASON.observer }
}

export const ROLE_MATRIX: Record<RoleAction, RoleMatrixRow> = {
	canvasEdit: { label: 'Draw on the canvas', outcome: everyoneButObservers },
	threatAdd: { label: 'Add a threat', outcome: everyoneButObservers },
	threatEditOwn: { label: 'Edit a threat they added', outcome: everyoneButObservers },
	threatEditOthers: { label: 'Edit a threat someone else added', outcome: facilitatorOnly(REASON.threatNotOwn) },
	threatSoftDeleteOwn: { label: 'Delete (mark deleted) a threat they added', outcome: everyoneButObservers },
	vote: { label: 'Vote on a threat', outcome: everyoneButObservers },
	agreedValues: { label: 'Set the agreed likelihood and impact', outcome: facilitatorOnly(REASON.threatAgreed) },
	naMark: { label: 'Mark a category not applicable', outcome: facilitatorOnly(REASON.naMark) },
	phaseChange: { label: 'Change the phase', outcome: facilitatorOnly(REASON.phase) },
	timerStart: { label: 'Start the timer', outcome: facilitatorOnly(REASON.timer) },
	focusChange: { label: 'Change the focused element', outcome: facilitatorOnly(REASON.walk) },
	scopeItemAdd: { label: 'Add a scope item', outcome: facilitatorOnly(REASON.scope) },
	decide: {
		label: 'Decide a threat',
		// The facilitator decides only for someone else, and has to name them (next row).
		outcome: { facilitator: REASON.decisionOnBehalf, participant: REASON.decision, productOwner: 'allowed', observer: REASON.observer },
	},
	decideOnBehalf: {
		label: 'Decide a threat on behalf of a named product owner',
		// A product owner's "on behalf of" is dropped: they decide as themself.
		outcome: { facilitator: 'allowed', participant: REASON.decision, productOwner: 'allowed', observer: REASON.observer },
	},
	sessionEnd: { label: 'End the session', outcome: facilitatorOnly(REASON.sessionEvent) },
}
