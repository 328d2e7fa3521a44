import { RISK_LEVELS, type RiskLevel } from '@/lib/risk/riskScore'
import type { SessionModel } from './sessionModel'

/** counts[likelihood - 1][impact - 1]: how many threats sit in each cell of the 5 × 5 grid. */
export type HeatMapCounts = number[][]

/** Every threat in the model, placed by its effective (agreed, else the author's) rating. */
export function heatMap(model: Pick<SessionModel, 'threats'>): HeatMapCounts {
	const counts = RISK_LEVELS.map(() => RISK_LEVELS.map(() => 0))
	for (const { effective } of model.threats) {
		const row = counts[effective.likelihood - 1]
		if (row) row[effective.impact - 1] = (row[effective.impact - 1] ?? 0) + 1
	}
	return counts
}

export function heatMapCount(counts: HeatMapCounts, likelihood: RiskLevel, impact: RiskLevel): number {
	return counts[likelihood - 1]?.[impact - 1] ?? 0
}
