import type { RejectedMessage } from '../protocol/customMessages'

const RECORD_NOUN: Record<string, string> = {
	threat: 'threat',
	vote: 'vote',
	'na-mark': 'n/a mark',
	'scope-item': 'scope item',
	walk: 'agenda change',
	'phase-event': 'phase change',
	'timer-event': 'timer change',
	decision: 'decision',
	'session-event': 'session status change',
	shape: 'canvas change',
	binding: 'canvas change',
	page: 'canvas change',
	document: 'canvas change',
	asset: 'canvas change',
}

/** The toast for a write the room refused: what was lost, and the room's own reason. */
export function rejectionText({ recordType, action, reason }: Pick<RejectedMessage, 'recordType' | 'action' | 'reason'>): string {
	const noun = RECORD_NOUN[recordType] ?? 'change'
	const verb = action === 'create' ? 'added' : action === 'delete' ? 'removed' : 'saved'
	const sentence = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not ${verb}`
	return reason ? `${sentence}: ${reason}` : sentence
}
