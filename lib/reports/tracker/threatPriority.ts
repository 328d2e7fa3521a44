import { effectivePriority, type Priority } from '@/lib/risk/threatPriority'
import type { ModelThreat } from '../sessionModel'

export { PRIORITIES, type Priority } from '@/lib/risk/threatPriority'

/** A threat's priority for a tracker: set by hand on the threat, else from the risk band of its effective rating. */
export function threatPriority(threat: Pick<ModelThreat, 'effective' | 'priority'>): Priority {
	return effectivePriority(threat.priority, threat.effective.score)
}
