import type { EffectiveRating } from '@/lib/session/effectiveRating'
import './common.css'

/** "L4 × I5 = 20 · Critical", coloured by band; an agreed value is marked so nobody mistakes a guess for a decision. */
export function RiskChip({ rating, compact = false }: { rating: EffectiveRating; compact?: boolean }) {
	const agreed = rating.agreedLikelihood && rating.agreedImpact
	const title = `Likelihood ${rating.likelihood}${rating.agreedLikelihood ? ' (agreed)' : ''} × impact ${rating.impact}${
		rating.agreedImpact ? ' (agreed)' : ''
	} = ${rating.score}: ${rating.band.name} (${rating.band.priority}, ${rating.band.action.toLowerCase()})`
	return (
		<span
			className={`tr-risk tr-risk--${rating.band.colorToken}`}
			data-testid="panel.risk"
			data-band={rating.band.name}
			data-score={rating.score}
			title={title}
		>
			<span className="tr-risk__score">{rating.score}</span>
			{!compact && <span className="tr-risk__band">{rating.band.name}</span>}
			{agreed && (
				<span className="tr-risk__agreed" role="img" aria-label="agreed">
					✓
				</span>
			)}
		</span>
	)
}
