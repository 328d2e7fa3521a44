import { riskBand, type RiskBand } from './riskScore'

/** The tracker's priorities, highest first; each risk band has one (riskScore.ts). */
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const
export type Priority = RiskBand['priority']

/** A threat's priority: the one set by hand, else its risk band's (Critical P0 … Low P3). */
export function effectivePriority(handSet: Priority | null, riskScore: number): Priority {
	return handSet ?? riskBand(riskScore).priority
}
