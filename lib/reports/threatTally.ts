import { byRiskDescending } from './threatFacts'
import type { ModelThreat } from './sessionModel'
import { isMitigated } from './views'
import type { RiskBandName } from '../risk/riskScore'
import type { DecisionKind } from '../session/records/decisionRecord'

export interface ThreatTally {
	threats: number
	byBand: Record<RiskBandName, number>
	/** Threats by the kind of their decision in force; `undecided` has none yet. */
	byDecision: Record<DecisionKind | 'undecided', number>
	/**
	 * What the "unmitigated" report lists, highest risk first: everything not fixed and verified,
	 * so planned mitigations and accepted, deferred or transferred risks are all still here.
	 */
	unmitigated: ModelThreat[]
}

/**
 * The end-of-session summary, from the same threat model the reports are built from
 * (lib/reports/buildThreats.ts), so the dialog and the exported report never disagree.
 */
export function tallyThreats(threats: readonly ModelThreat[]): ThreatTally {
	const byBand: Record<RiskBandName, number> = { Critical: 0, High: 0, Medium: 0, Low: 0 }
	const byDecision: Record<DecisionKind | 'undecided', number> = { mitigate: 0, accept: 0, defer: 0, transfer: 0, undecided: 0 }
	for (const threat of threats) {
		byBand[threat.effective.band] += 1
		byDecision[threat.decision?.kind ?? 'undecided'] += 1
	}
	return {
		threats: threats.length,
		byBand,
		byDecision,
		unmitigated: threats.filter((threat) => !isMitigated(threat)).sort(byRiskDescending),
	}
}
