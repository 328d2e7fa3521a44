import type { DecisionKind } from './records/decisionRecord'
import type { DECISION_REQUIRED_FIELDS } from './decisions'

// What the room tells a person whose write it refused (the `rejected` custom message). Worded for
// the person at the whiteboard, and kept in one place so the docs and the tests quote the code.

export const REJECTION_REASON = {
	observer: 'Observers can only watch this session',
	elementId: "An element's ID is given by the room and cannot be changed",
	userRecord: "Only your own name and colour can be written: someone else's are theirs",

	threatDelete: 'Threats are never deleted: mark the threat as deleted instead',
	threatStamped: "A threat's ID, author and creation time are set by the room and cannot be changed",
	threatAgreed: 'Only the facilitator can set the agreed likelihood and impact',
	threatNotOwn: 'Only the facilitator can edit a threat someone else added',
	threatElement: 'Only the facilitator can move a threat to another element',
	threatCategory: "A threat's categories must be categories of this session's framework",

	mitigationStamped: "A mitigation's ID, author and creation time are set by the room and cannot be changed",
	mitigationNotOwn: 'Only the facilitator, the product owner or its author can change or delete a mitigation',

	voteId: 'A vote must be your own: its id is vote:<threat id>~<your userId>',
	voteNotOwn: 'You can only change or take back your own vote',
	voteStamped: "A vote's threat, voter and time cannot be changed",

	naMark: 'Only the facilitator can mark a category as not applicable',
	naMarkId: 'An n/a mark id must be na-mark:<shape id>~<category>',
	naMarkStamped: 'Who marked a category as not applicable, and when, cannot be changed',
	naMarkCategory: "Only a category of this session's framework can be marked as not applicable",

	scope: 'Only the facilitator can change the scope',
	scopeStamped: "A scope item's kind, ID and creation time cannot be changed",

	walk: 'Only the facilitator can change the focus and the agenda',
	walkDelete: 'The walk settings cannot be deleted',
	phase: 'Only the facilitator can change the phase',
	timer: 'Only the facilitator can run the timer',
	history: 'The history of phases and timer cannot be changed or deleted',

	decision: 'Only the product owner, or the facilitator on their behalf, can decide a threat',
	decisionOnBehalf: 'A decision by the facilitator must name the person it is made on behalf of',
	decisionHistory: 'Decisions are never changed or deleted: record a new decision instead',

	attackNodeStamped: "An attack-tree node's place in its tree, author and creation time cannot be changed",
	attackNodeNotOwn: 'Only the facilitator can change or delete an attack-tree node someone else added',
	attackNodePath: "An attack-tree node's ancestors must end with its parent and never include itself",
	attackNodeRoot: 'Only the goal at the root of an attack tree names the threat it elaborates',
	attackTreeFull: 'This attack tree has reached its size limit (200 nodes)',
	attackTreesFull: 'This session has reached its limit of 200 attack trees',

	parkedQuestionStamped: 'Who parked a question, when and on which element cannot be changed',
	parkedQuestionNotOwn: 'Only the facilitator, or whoever asked it, can change or remove a parked question',
	parkedQuestionResolve: 'Only the facilitator can resolve a parked question',
	parkedQuestionResolved: 'A resolved question is kept as it was resolved',
	parkedQuestionTarget: 'A resolved question must link what it became: a scope item, a threat, or a reason to dismiss it',

	noteId: 'A note id must be workshop-note:session or workshop-note:shape~<element id>',
	noteEditor: "A note's last editor must be you, at the room's time",
	noteDelete: 'Notes are not deleted: empty the note or leave it out of the report instead',

	metadata: 'Only the facilitator and participants can change metadata',
	metadataId: 'A metadata entry id must be metadata-entry:<session | shape~<id> | threat~<id>>~<key>',
	metadataStamped: "A metadata entry's target, key, author and creation time cannot be changed",
	metadataFull: 'This session has reached its limit of 5000 metadata entries',

	review: 'Only the facilitator can set the review status',
	reviewHistory: 'Review status changes are never changed or deleted: set a new status instead',

	attendance: 'Who joined the session is recorded by the room itself',
	historyEntry: 'The change history is written by the room itself and cannot be changed or deleted',

	sessionEvent: 'Only the facilitator can end or reopen the session',
	sessionEventHistory: 'When the session was ended and reopened cannot be changed or deleted',
	sessionNotEnded: 'Only an ended session can be reopened',
	/** Every write while the latest session event is an 'end', except the facilitator's reopen. */
	sessionEnded: 'This session has ended; the facilitator can reopen it',
} as const

/** A decision without a field its kind requires (decisions.ts), naming the first one missing. */
export const DECISION_MISSING_REASON = {
	mitigate: {
		mitigation: 'A decision to mitigate needs the mitigation',
		owner: 'A decision to mitigate needs an owner',
		dueDate: 'A decision to mitigate needs a due date',
	},
	accept: {
		rationale: 'A decision to accept needs a rationale',
		reviewDate: 'A decision to accept needs a review date',
	},
	defer: {
		deferUntil: 'A decision to defer needs the date it is deferred until',
		rationale: 'A decision to defer needs a reason',
	},
	transfer: {
		transferTo: 'A decision to transfer needs whom the risk is transferred to',
		rationale: 'A decision to transfer needs a rationale',
	},
} as const satisfies { [K in DecisionKind]: Record<(typeof DECISION_REQUIRED_FIELDS)[K][number], string> }

type MissingFieldReason = {
	[K in DecisionKind]: (typeof DECISION_MISSING_REASON)[K][keyof (typeof DECISION_MISSING_REASON)[K]]
}[DecisionKind]

export type RejectionReason = (typeof REJECTION_REASON)[keyof typeof REJECTION_REASON] | MissingFieldReason
