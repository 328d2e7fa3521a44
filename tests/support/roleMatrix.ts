import { ROLES, type Role } from '@/lib/roles'
import { REJECTION_REASON as REASON, type RejectionReason } from '@/lib/session/rejectionReasons'

// Who may do what in a session: the tables the tests drive — through the real room
// (tests/integration/roleMatrix.test.ts) and through the API's route handlers
// (app/api/authorizationMatrix.test.ts) — kept free of test machinery so docs/security.md is
// generated from them (scripts/securityDoc.ts). A refusal in the room names the reason the room
// sends back in its `rejected` message; a refusal of the API is its HTTP status.

/** Who tries, besides the four roles: someone with no token at all, and someone holding a link of another session. */
export const OUTSIDERS = ['none', 'otherSession'] as const
type Outsider = (typeof OUTSIDERS)[number]
export type Actor = Role | Outsider
export const ACTORS: readonly Actor[] = [...ROLES, ...OUTSIDERS]

export const ACTOR_LABELS: Record<Actor, string> = {
	facilitator: 'Facilitator',
	participant: 'Participant',
	productOwner: 'Product owner',
	observer: 'Observer',
	none: 'No token',
	otherSession: 'Token of another session',
}

/**
 * A socket without a link of this session never gets in: the room closes it with 4099 and this
 * reason before it has read or sent anything, so every action below is refused alike. (The other
 * session's token tried is its facilitator's: the strongest link there is.)
 */
export const REFUSED_AT_THE_DOOR = 'NOT_AUTHENTICATED'

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
	'metadataEdit',
	'reviewStatusSet',
	'mitigationPropose',
	'attackTreeStart',
	'questionPark',
] as const
export type RoleAction = (typeof ROLE_ACTIONS)[number]

export type Outcome = 'allowed' | RejectionReason

export interface RoleMatrixRow {
	/** What the person tries, as the documentation words it. */
	label: string
	outcome: Record<Role, Outcome>
}

/** Every cell of the room's matrix, outsiders included: what the test drives and the document shows. */
export function roomOutcome(action: RoleAction, actor: Actor): Outcome | typeof REFUSED_AT_THE_DOOR {
	return actor === 'none' || actor === 'otherSession' ? REFUSED_AT_THE_DOOR : ROLE_MATRIX[action].outcome[actor]
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
	metadataEdit: {
		label: 'Tag an element, a threat or the session with key=value metadata',
		outcome: { facilitator: 'allowed', participant: 'allowed', productOwner: REASON.metadata, observer: REASON.observer },
	},
	reviewStatusSet: { label: 'Set the review status', outcome: facilitatorOnly(REASON.review) },
	mitigationPropose: { label: 'Propose a mitigation for a threat', outcome: everyoneButObservers },
	attackTreeStart: { label: 'Start an attack tree on a threat', outcome: everyoneButObservers },
	questionPark: { label: 'Park a "what if…?" question', outcome: everyoneButObservers },
}

// The HTTP API. `status` is the answer each actor gets; 2xx means allowed. The end of a session is
// the room's `sessionEnd` above (a session-event record), not an HTTP call.

export const API_ACTIONS = ['readSession', 'join', 'export', 'rotateLinks', 'followUp', 'import', 'setProjectPrefix'] as const
export type ApiAction = (typeof API_ACTIONS)[number]

export interface ApiMatrixRow {
	label: string
	/** The request, as the documentation names it. */
	request: string
	status: Record<Actor, number>
}

function facilitatorOnlyApi(allowed: number): Record<Actor, number> {
	return { facilitator: allowed, participant: 403, productOwner: 403, observer: 403, none: 401, otherSession: 403 }
}

export const API_MATRIX: Record<ApiAction, ApiMatrixRow> = {
	readSession: {
		label: 'Read the session, its elements and records',
		request: 'GET /api/sessions/:id',
		status: facilitatorOnlyApi(200),
	},
	join: {
		label: 'Open the session page (resolve the link)',
		request: 'POST /api/sessions/:id/join',
		// No token is an empty token, and another session's token is "not valid" here: both 401.
		status: { facilitator: 200, participant: 200, productOwner: 200, observer: 200, none: 401, otherSession: 401 },
	},
	export: {
		label: 'Export reports (md, html, csv, json, Threat Dragon, svg)',
		request: 'GET /api/sessions/:id/export',
		status: { facilitator: 200, participant: 403, productOwner: 200, observer: 403, none: 401, otherSession: 403 },
	},
	rotateLinks: {
		label: 'Rotate the participant, product-owner or observer link',
		request: 'POST /api/sessions/:id/links/rotate',
		status: facilitatorOnlyApi(200),
	},
	followUp: {
		label: 'Start the follow-up of the ended session',
		request: 'POST /api/sessions/:id/follow-up',
		status: facilitatorOnlyApi(201),
	},
	import: {
		label: 'Import a Threat Dragon model as a new session',
		request: 'POST /api/sessions/import',
		// Like creating a session: it touches no existing session, so it needs no link.
		status: { facilitator: 201, participant: 201, productOwner: 201, observer: 201, none: 201, otherSession: 201 },
	},
	setProjectPrefix: {
		label: 'Set or clear the project prefix of composed IDs',
		request: 'PATCH /api/sessions/:id',
		status: facilitatorOnlyApi(200),
	},
}
