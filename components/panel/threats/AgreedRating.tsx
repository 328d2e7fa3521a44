'use client'

import { useEffect, useState } from 'react'
import { RISK_LEVELS } from '@/lib/risk/riskScore'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { proposedAgreement } from '@/lib/session/voteSummary'
import type { VoteSummary } from '@/lib/analysis/votes'
import { LEVEL_HINT } from '../common/LevelPicker'
import { useSession } from '../SessionContext'
import { agreeRating } from './threatActions'

/** The facilitator settles the rating after the discussion; the median of the votes is offered. */
export function AgreedRating({ threat, summary }: { threat: ThreatRecord; summary: VoteSummary }) {
	const { editor } = useSession()
	const proposal = proposedAgreement(threat, summary)
	const [likelihood, setLikelihood] = useState<number>(threat.agreedLikelihood ?? proposal.likelihood)
	const [impact, setImpact] = useState<number>(threat.agreedImpact ?? proposal.impact)
	const agreed = threat.agreedLikelihood !== null && threat.agreedImpact !== null

	// Until something is agreed, follow the votes as they come in.
	useEffect(() => {
		if (agreed) return
		setLikelihood(proposal.likelihood)
		setImpact(proposal.impact)
	}, [agreed, proposal.likelihood, proposal.impact])

	const unchanged = agreed && threat.agreedLikelihood === likelihood && threat.agreedImpact === impact

	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box
		<div className="tr-agreed" role="group" aria-label="Agreed rating">
			<span className="tr-agreed__title">{agreed ? 'Agreed' : 'Agree'}</span>
			{(['likelihood', 'impact'] as const).map((key) => (
				<label key={key} className="tr-agreed__field">
					<span>{key === 'likelihood' ? 'L' : 'I'}</span>
					<select
						data-testid={`panel.agreed.${key}`}
						aria-label={`Agreed ${key}`}
						value={key === 'likelihood' ? likelihood : impact}
						onChange={(event) => (key === 'likelihood' ? setLikelihood : setImpact)(Number(event.target.value))}
					>
						{RISK_LEVELS.map((level) => (
							<option key={level} value={level}>
								{level} · {LEVEL_HINT[level]}
							</option>
						))}
					</select>
				</label>
			))}
			<button
				type="button"
				className="tr-button tr-button--small"
				data-testid="panel.agreed.apply"
				disabled={unchanged}
				onClick={() => agreeRating(editor, threat, likelihood, impact)}
			>
				{agreed ? 'Update' : 'Set'}
			</button>
		</div>
	)
}
