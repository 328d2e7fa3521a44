import { cvssBaseScore } from '@/lib/risk/cvss31'
import { effectivePriority } from '@/lib/risk/threatPriority'
import type { EffectiveRating } from '@/lib/session/effectiveRating'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'

/**
 * What the product owner weighs beside the risk: the tracker priority, the judged severity and the
 * CVSS score when someone gave one. An unjudged severity is left out rather than shown as "Unknown".
 */
export function TriageChips({ threat, rating }: { threat: ThreatRecord; rating: EffectiveRating }) {
	const score = cvssBaseScore(threat.cvssVector)
	return (
		<>
			<span className="tr-category-chip tr-triage-chip" data-testid="decide.priority" title={threat.priority === null ? 'From the risk band' : 'Set by hand'}>
				{effectivePriority(threat.priority, rating.score)}
			</span>
			{threat.severity !== 'Unknown' && (
				<span className="tr-category-chip tr-triage-chip" data-testid="decide.severity">
					Severity {threat.severity}
				</span>
			)}
			{score !== null && (
				<span className="tr-category-chip tr-triage-chip" data-testid="decide.cvss" title={threat.cvssVector ?? undefined}>
					CVSS {score.toFixed(1)}
				</span>
			)}
		</>
	)
}
