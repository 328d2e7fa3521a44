import type { Editor, TLShapeId } from 'tldraw'
import { newThreatRecord, threatWithDraft, voteRecord } from '@/lib/session/recordFactories'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { ThreatDraft } from '@/lib/session/threatDraft'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'

export function addThreat(editor: Editor, shapeId: TLShapeId, draft: ThreatDraft, sourceRuleId: string | null = null): ThreatRecord {
	const threat = newThreatRecord(shapeId, draft, { sourceRuleId })
	putSessionRecords(editor, [threat])
	return threat
}

export function saveThreat(editor: Editor, threat: ThreatRecord, draft: ThreatDraft): void {
	putSessionRecords(editor, [threatWithDraft(threat, draft)])
}

/** Soft delete: the record stays (audit trail, undo), flagged; the room never lets one be removed. */
export function setThreatDeleted(editor: Editor, threat: ThreatRecord, isDeleted: boolean): void {
	const current = editor.store.get(threat.id) ?? threat
	putSessionRecords(editor, [{ ...current, isDeleted }])
}

export function castVote(editor: Editor, threat: ThreatRecord, userId: string, likelihood: number, impact: number): void {
	putSessionRecords(editor, [voteRecord(threat.id, userId, likelihood, impact)])
}

export function withdrawVote(editor: Editor, threat: ThreatRecord, userId: string): void {
	removeSessionRecords(editor, [voteRecord(threat.id, userId, 1, 1).id])
}

export function agreeRating(editor: Editor, threat: ThreatRecord, likelihood: number, impact: number): void {
	const current = editor.store.get(threat.id) ?? threat
	putSessionRecords(editor, [{ ...current, agreedLikelihood: likelihood, agreedImpact: impact }])
}
