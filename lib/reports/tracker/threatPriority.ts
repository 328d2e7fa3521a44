import { riskBand, type RiskBand } from '@/lib/risk/riskScore'
import type { ModelThreat } from '../sessionModel'

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const
export type Priority = RiskBand['priority']

/**
 * A threat's priority for a tracker. The one place it is decided: today from the risk band of the
 * effective rating (Critical P0 … Low P3); a hand-set priority on the threat replaces this body.
 */
export function threatPriority(threat: Pick<ModelThreat, 'effective'>): Priority {
	return riskBand(threat.effective.score).priority
}
