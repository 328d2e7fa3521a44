import type { Editor, TLShapeId } from 'tldraw'
import { naMarkRecord, walkWithFocus } from '@/lib/session/recordFactories'
import { naMarkIdFor } from '@/lib/session/records/naMarkRecord'
import type { SessionSignals } from '../sessionSignals'
import { putSessionRecords, removeSessionRecords } from '../sessionWrites'

/**
 * Focuses an element for everyone. The facilitator's own view selects it and centres on it, so
 * the participants following their camera land on it too.
 */
export function focusElement(editor: Editor, model: SessionSignals, shapeId: TLShapeId, { moveCamera = true } = {}): void {
	if (model.walk.get().focusShapeId !== shapeId) putSessionRecords(editor, [walkWithFocus(model.walk.get(), shapeId)])
	if (!moveCamera) return
	const shape = editor.getShape(shapeId)
	if (!shape) return
	if (editor.getCurrentPageId() !== editor.getAncestorPageId(shape)) {
		const pageId = editor.getAncestorPageId(shape)
		if (pageId) editor.setCurrentPage(pageId)
	}
	editor.select(shapeId)
	const bounds = editor.getShapePageBounds(shapeId)
	if (bounds) editor.centerOnPoint(bounds.center, { animation: { duration: 240 } })
}

/** Marking again only changes the reason: who marked it and when stay as the room stamped them. */
export function markNotApplicable(editor: Editor, shapeId: TLShapeId, category: string, reason: string): void {
	const fresh = naMarkRecord(shapeId, category, reason)
	const existing = editor.store.get(fresh.id)
	putSessionRecords(editor, [existing ? { ...existing, reason } : fresh])
}

export function unmarkNotApplicable(editor: Editor, shapeId: TLShapeId, category: string): void {
	removeSessionRecords(editor, [naMarkIdFor(shapeId, category)])
}
