import { decisionRecordFromDraft, type DecisionDraft } from '@/lib/session/decisionDraft'
import type { ThreatId } from '@/lib/session/records/threatRecord'
import { serverNow } from '@/lib/session/serverClock'
import type { SessionValue } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'

type Session = Pick<SessionValue, 'editor' | 'serverOffsetMs'>

/** A new entry in the threat's decision history; the one before it stays, as the record of what was decided then. */
export function recordDecision({ editor, serverOffsetMs }: Session, threatId: ThreatId, draft: DecisionDraft, needsOnBehalfOf: boolean): void {
	const estimatedAt = serverNow(serverOffsetMs)
	putSessionRecords(editor, [decisionRecordFromDraft(threatId, draft, { estimatedAt, needsOnBehalfOf })])
}
