// What the room tells a person whose write it refused (the `rejected` custom message). Worded for
// the person at the whiteboard, and kept in one place so the docs and the tests quote the code.

export const REJECTION_REASON = {
	observer: 'Observers can only watch this session',
	elementId: "An element's ID is given by the room and cannot be changed",

	threatDelete: 'Threats are never deleted: mark the threat as deleted instead',
	threatStamped: "A threat's ID, author and creation time are set by the room and cannot be changed",
	threatAgreed: 'Only the facilitator can set the agreed likelihood and impact',
	threatNotOwn: 'Only the facilitator can edit a threat someone else added',
	threatElement: 'Only the facilitator can move a threat to another element',

	voteId: 'A vote must be your own: its id is vote:<threat id>~<your userId>',
	voteNotOwn: 'You can only change or take back your own vote',
	voteStamped: "A vote's threat, voter and time cannot be changed",

	naMark: 'Only the facilitator can mark a category as not applicable',
	naMarkId: 'An n/a mark id must be na-mark:<shape id>~<category>',
	naMarkStamped: 'Who marked a category as not applicable, and when, cannot be changed',

	scope: 'Only the facilitator can change the scope',
	scopeStamped: "A scope item's kind, ID and creation time cannot be changed",

	walk: 'Only the facilitator can change the focus and the agenda',
	walkDelete: 'The walk settings cannot be deleted',
	phase: 'Only the facilitator can change the phase',
	timer: 'Only the facilitator can run the timer',
	history: 'The history of phases and timer cannot be changed or deleted',
} as const

export type RejectionReason = (typeof REJECTION_REASON)[keyof typeof REJECTION_REASON]
