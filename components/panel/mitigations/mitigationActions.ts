import type { Editor } from 'tldraw'
import { mitigationLinked, mitigationWithDraft, newMitigationRecord } from '@/lib/session/recordFactories'
import type { MitigationRecord } from '@/lib/session/records/mitigationRecord'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import type { MitigationDraft } from '@/lib/session/mitigationDraft'
import { putSessionRecords } from '../sessionWrites'

export function addMitigation(editor: Editor, threatIds: readonly ThreatId[], draft: MitigationDraft): MitigationRecord {
	const mitigation = newMitigationRecord(threatIds, draft)
	putSessionRecords(editor, [mitigation])
	return mitigation
}

export function saveMitigation(editor: Editor, mitigation: MitigationRecord, draft: MitigationDraft): void {
	const current = editor.store.get(mitigation.id) ?? mitigation
	putSessionRecords(editor, [mitigationWithDraft(current, draft)])
}

/** Links or unlinks one threat, on the record as it is now (another person may have linked one meanwhile). */
export function linkMitigation(editor: Editor, mitigation: MitigationRecord, threatId: ThreatId, linked: boolean): void {
	const current = editor.store.get(mitigation.id) ?? mitigation
	putSessionRecords(editor, [mitigationLinked(current, threatId, linked)])
}
