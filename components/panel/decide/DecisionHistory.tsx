'use client'

import { DECISION_STATE_LABEL, decidedByText, type DecisionFact, decisionFacts } from '@/lib/session/decisionText'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import { formatCalendarDay, formatMoment } from '../common/dates'

function FactValue({ fact }: { fact: DecisionFact }) {
	if (fact.type === 'date') return <time dateTime={fact.value}>{formatCalendarDay(fact.value)}</time>
	if (fact.type === 'url') {
		return (
			// Validated as http(s) by the room, so it can only open a page.
			<a href={fact.value} target="_blank" rel="noopener noreferrer">
				{fact.value.replace(/^https?:\/\//, '')}
			</a>
		)
	}
	return <>{fact.value}</>
}

/**
 * Every decision on the threat, oldest first, the one in force last and marked: who decided (and
 * who typed it in for them), when, and what they said. Nothing is ever taken out of it.
 */
export function DecisionHistory({ history }: { history: readonly DecisionRecord[] }) {
	if (history.length === 0) return <p className="tr-empty">No decision yet.</p>
	return (
		<ol className="tr-decisions" data-testid="decide.history" aria-label="Decision history, oldest first">
			{history.map((decision, index) => {
				const inForce = index === history.length - 1
				return (
					<li
						key={decision.id}
						className={inForce ? 'tr-decision tr-decision--in-force' : 'tr-decision'}
						data-testid="decide.history.item"
						data-kind={decision.kind}
						data-in-force={inForce}
					>
						<div className="tr-decision__head">
							<span className={`tr-decision-badge tr-decision-badge--${decision.kind}`}>{DECISION_STATE_LABEL[decision.kind]}</span>
							<span className="tr-decision__by">{decidedByText(decision)}</span>
							<time className="tr-decision__at" dateTime={new Date(decision.decidedAt).toISOString()}>
								{formatMoment(decision.decidedAt)}
							</time>
							{inForce && history.length > 1 && <span className="tr-decision__in-force">in force</span>}
						</div>
						<dl className="tr-decision__facts">
							{decisionFacts(decision).map((fact) => (
								<div key={fact.label}>
									<dt>{fact.label}</dt>
									<dd>
										<FactValue fact={fact} />
									</dd>
								</div>
							))}
						</dl>
					</li>
				)
			})}
		</ol>
	)
}
