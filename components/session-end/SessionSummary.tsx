'use client'

import { useId } from 'react'
import { useValue } from 'tldraw'
import { RISK_BANDS } from '@/lib/risk/riskScore'
import { DECISION_KINDS } from '@/lib/session/records/decisionRecord'
import { DECISION_STATE_LABEL, UNDECIDED_LABEL } from '@/lib/session/decisionText'
import { effectiveRating } from '@/lib/session/effectiveRating'
import { coverageText } from '@/lib/session/sessionCoverage'
import { tallyThreats } from '@/lib/reports/threatTally'
import { RiskChip } from '@/components/panel/common/RiskChip'
import { useSession } from '@/components/panel/SessionContext'
import '@/components/panel/decide/decide.css'
import './sessionEnd.css'

/**
 * Where the session got to, for the facilitator's closing words and the ended session's readers:
 * the risks by band, how much of the diagram was talked through, what the product owner decided,
 * and what is still open — counted from the same threat model the reports are built from.
 */
export function SessionSummary() {
	const { model } = useSession()
	const id = useId()
	const summary = tallyThreats(useValue(model.ratedThreats))
	const coverage = useValue(model.coverage)
	const decided = summary.threats - summary.byDecision.undecided

	return (
		<div className="tr-summary">
			<div className="tr-summary__stats">
				<section className="tr-summary__stat" aria-labelledby={`${id}-bands`}>
					<h3 className="tr-summary__heading" id={`${id}-bands`}>
						Threats
					</h3>
					<p className="tr-summary__figure">{summary.threats}</p>
					<ul className="tr-summary__bands" data-testid="session.summary.bands" aria-label="Threats per risk band">
						{RISK_BANDS.map((band) => (
							<li key={band.name} className={`tr-band-total tr-risk--${band.colorToken}`} data-band={band.name}>
								{summary.byBand[band.name]} {band.name}
							</li>
						))}
					</ul>
				</section>
				<section className="tr-summary__stat" aria-labelledby={`${id}-coverage`}>
					<h3 className="tr-summary__heading" id={`${id}-coverage`}>
						Coverage
					</h3>
					<p className="tr-summary__figure" data-testid="session.summary.coverage">
						{coverageText(coverage)}
					</p>
					<p className="tr-summary__note">element × category cells with a threat or an n/a</p>
				</section>
				<section className="tr-summary__stat" aria-labelledby={`${id}-decisions`}>
					<h3 className="tr-summary__heading" id={`${id}-decisions`}>
						Decided
					</h3>
					<p className="tr-summary__figure">
						{decided} / {summary.threats}
					</p>
					<dl className="tr-summary__decisions" data-testid="session.summary.decisions">
						{DECISION_KINDS.map((kind) => (
							<div key={kind} data-kind={kind}>
								<dt>{DECISION_STATE_LABEL[kind]}</dt>
								<dd>{summary.byDecision[kind]}</dd>
							</div>
						))}
						<div data-kind="undecided">
							<dt>{UNDECIDED_LABEL}</dt>
							<dd>{summary.byDecision.undecided}</dd>
						</div>
					</dl>
				</section>
			</div>
			<section aria-labelledby={`${id}-unmitigated`}>
				<h3 className="tr-summary__heading" id={`${id}-unmitigated`}>
					Unmitigated risks ({summary.unmitigated.length})
				</h3>
				<p className="tr-summary__note">Not fixed and verified yet: planned mitigations and accepted, deferred or transferred risks stay here.</p>
				{summary.unmitigated.length === 0 ? (
					<p className="tr-empty">None.</p>
				) : (
					<ol className="tr-summary__risks" data-testid="session.summary.unmitigated">
						{summary.unmitigated.map((threat) => (
							<li key={threat.id} className="tr-summary__risk" data-testid="session.summary.risk">
								<span className="tr-id-tag">{threat.humanId || 'T-…'}</span>
								<span className="tr-summary__risk-title">{threat.title}</span>
								<RiskChip rating={effectiveRating(threat)} compact />
								<span className={`tr-decision-badge tr-decision-badge--${threat.decision?.kind ?? 'undecided'}`}>
									{threat.decision ? DECISION_STATE_LABEL[threat.decision.kind] : UNDECIDED_LABEL}
								</span>
							</li>
						))}
					</ol>
				)}
			</section>
		</div>
	)
}
