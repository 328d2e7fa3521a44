'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { categoryName } from '@/lib/frameworks/otherCategory'
import { canDecide, decidesOnBehalf } from '@/lib/session/riskOwnerPermissions'
import { DECISION_STATE_LABEL, UNDECIDED_LABEL } from '@/lib/session/decisionText'
import { effectiveRating } from '@/lib/session/effectiveRating'
import type { DecisionRecord } from '@/lib/session/records/decisionRecord'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { voteSummaryFor } from '@/lib/session/voteSummary'
import { RiskChip } from '../common/RiskChip'
import { useSession } from '../SessionContext'
import { AgreedRating } from '../threats/AgreedRating'
import { VoteSpread } from '../threats/VoteControls'
import { recordDecision } from './decisionActions'
import { DecisionForm } from './DecisionForm'
import { DecisionHistory } from './DecisionHistory'
import { TriageChips } from './TriageChips'

const NO_DECISIONS: readonly DecisionRecord[] = []

/** The decision in force at a glance, coloured by kind; "Undecided" stands out until there is one. */
function DecisionBadge({ decision }: { decision: DecisionRecord | null }) {
	return (
		<span
			className={`tr-decision-badge tr-decision-badge--${decision?.kind ?? 'undecided'}`}
			data-testid="decide.current"
			data-kind={decision?.kind ?? 'undecided'}
		>
			{decision ? DECISION_STATE_LABEL[decision.kind] : UNDECIDED_LABEL}
		</span>
	)
}

/**
 * One threat of the register: its risk and the decision in force; opened, what it is about, the
 * rating (which the facilitator can still settle), the decision history and, for the product owner
 * and the facilitator, the form that adds the next decision.
 */
export function DecideThreatRow({ threat, elementLabel }: { threat: ThreatRecord; elementLabel: string }) {
	const session = useSession()
	const { model, role, people, notify } = session
	const [open, setOpen] = useState(false)
	const history = useValue('decision history', () => model.decisionHistories.get().get(threat.id) ?? NO_DECISIONS, [model, threat.id])
	const summary = useValue('vote summary', () => voteSummaryFor(threat.id, model.votes.get()), [model, threat.id])
	const current = history.at(-1) ?? null
	const rating = effectiveRating(threat)
	const tag = threat.humanId || 'T-…'
	const bodyId = `decide-${threat.id}`

	return (
		<li
			className={open ? 'tr-threat tr-threat--open tr-decide-row' : 'tr-threat tr-decide-row'}
			data-testid="decide.threat"
			data-threat-id={threat.id}
			data-human-id={threat.humanId}
			data-decision={current?.kind ?? 'undecided'}
		>
			<button
				type="button"
				className="tr-threat__summary"
				aria-expanded={open}
				aria-controls={bodyId}
				data-testid="decide.open"
				onClick={() => setOpen((value) => !value)}
			>
				<span className="tr-id-tag">{tag}</span>
				<span className="tr-threat__title">{threat.title}</span>
				<RiskChip rating={rating} compact />
			</button>
			<div className="tr-threat__meta">
				<DecisionBadge decision={current} />
				<TriageChips threat={threat} rating={rating} />
				<span className="tr-threat__element">{elementLabel}</span>
				{threat.categories.map((id) => (
					<span key={id} className="tr-category-chip">
						{categoryName(model.framework, id)}
					</span>
				))}
			</div>
			{open && (
				<div className="tr-threat__body" id={bodyId}>
					{threat.description && <p className="tr-threat__description">{threat.description}</p>}
					<div className="tr-threat__rating">
						<RiskChip rating={rating} />
						<span className="tr-threat__rating-text">
							L{rating.likelihood} × I{rating.impact}
							{rating.agreedLikelihood || rating.agreedImpact ? ' (agreed)' : ' (author)'}
						</span>
					</div>
					{canFacilitate(role) && (
						<>
							<VoteSpread summary={summary} />
							<AgreedRating threat={threat} summary={summary} />
						</>
					)}
					<section className="tr-decide-history" aria-label={`Decisions on ${tag}`}>
						<h3 className="tr-section__title">Decisions</h3>
						<DecisionHistory history={history} />
					</section>
					{canDecide(role) && (
						<DecisionForm
							tag={tag}
							current={current}
							onBehalf={decidesOnBehalf(role)}
							productOwners={people.filter((person) => person.role === 'productOwner')}
							onSubmit={(draft) => {
								recordDecision(session, threat.id, draft, decidesOnBehalf(role))
								notify({ message: `${tag}: decision recorded`, tone: 'info', durationMs: 3_000 })
							}}
						/>
					)}
				</div>
			)}
		</li>
	)
}
