import type { DecisionKind } from '@/lib/session/records/decisionRecord'
import type { CiaNeed } from '@/lib/session/records/scopeItemRecord'
import type { Role } from '@/lib/sessionEnums'

// How the reports word our enums for a reader outside the tool.

export const ROLE_LABELS: Record<Role, string> = {
	facilitator: 'facilitator',
	participant: 'participant',
	productOwner: 'product owner',
	observer: 'observer',
}

export const DECISION_LABELS: Record<DecisionKind, string> = {
	mitigate: 'Mitigate',
	accept: 'Accept',
	defer: 'Defer',
	transfer: 'Transfer',
}

export function ciaNeedLabel(need: CiaNeed | null): string {
	return need === null ? '—' : need
}
