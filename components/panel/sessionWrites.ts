import type { Editor, TLRecord } from 'tldraw'

/**
 * Writes workshop records (threats, votes, marks, scope, walk, events). Outside the canvas's undo
 * stack: ctrl+z while drawing must never take back someone's vote. Undo for a deleted threat is
 * the panel's own (it sets `isDeleted` back).
 */
export function putSessionRecords(editor: Editor, records: TLRecord[]): void {
	editor.run(() => editor.store.put(records), { history: 'ignore' })
}

/** Only for records the room lets go (a vote taken back, an n/a mark lifted, a scope item). */
export function removeSessionRecords(editor: Editor, ids: TLRecord['id'][]): void {
	editor.run(() => editor.store.remove(ids), { history: 'ignore' })
}
