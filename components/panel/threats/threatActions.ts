import type { Editor, TLShapeId } from 'tldraw'
import { newThreatRecord, threatWithDraft, voteRecord } from '@/lib/session/recordFactories'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import type { ThreatDraft } from '@/lib/session/threatDraft'
import { putSessionRecords } from '../sessionWrites'

/** `shapeId` null adds a model-level threat, on no one element. */
export function addThreat(editor: Editor, shapeId: TLShapeId | null, draft: ThreatDraft, sourceRuleId: string | null = null): ThreatRecord {
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

/** A changed vote replaces the earlier one, keeping what the room stamped on it (who, when). */
export function castVote(editor: Editor, threat: ThreatRecord, userId: string, likelihood: number, impact: number): void {
	const fresh = voteRecord(threat.id, userId, likelihood, impact)
	const existing = editor.store.get(fresh.id)
	putSessionRecords(editor, [existing ? { ...existing, likelihood, impact } : fresh])
}

export function agreeRating(editor: Editor, threat: ThreatRecord, likelihood: number, impact: number): void {
	const current = editor.store.get(threat.id) ?? threat
	putSessionRecords(editor, [{ ...current, agreedLikelihood: likelihood, agreedImpact: impact }])
}
