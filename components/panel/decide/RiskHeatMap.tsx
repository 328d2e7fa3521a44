'use client'

import { useId } from 'react'
import { heatMap, heatMapCount } from '@/lib/reports/heatMap'
import type { ModelThreat } from '@/lib/reports/sessionModel'
import { RISK_LEVELS, type RiskLevel, riskBandFor } from '@/lib/risk/riskScore'

export interface RiskCell {
	likelihood: RiskLevel
	impact: RiskLevel
}

function threatsText(count: number): string {
	return `${count} ${count === 1 ? 'threat' : 'threats'}`
}

/** Likelihood 5 on top, as in the reports (lib/reports/heatMapSvg.ts), so the room reads one picture. */
const ROWS = [...RISK_LEVELS].reverse()

/**
 * The 5 × 5 likelihood × impact grid with the number of threats in each cell, counted like the
 * reports' heat map. A cell is a toggle: it filters the register to its threats; pressing it again,
 * or "Show all", clears the filter. The band is in each cell's name, so colour is never the only cue.
 */
export function RiskHeatMap({ threats, selected, onSelect }: { threats: ModelThreat[]; selected: RiskCell | null; onSelect: (cell: RiskCell | null) => void }) {
	const titleId = useId()
	const counts = heatMap({ threats })
	const isSelected = (likelihood: RiskLevel, impact: RiskLevel) => selected?.likelihood === likelihood && selected.impact === impact

	return (
		<div className="tr-heatmap" data-testid="heatmap">
			<div className="tr-heatmap__head">
				<span className="tr-heatmap__title" id={titleId}>
					Risk heat map
				</span>
				{selected ? (
					<button type="button" className="tr-text-button" data-testid="heatmap.clear" onClick={() => onSelect(null)}>
						Show all
					</button>
				) : (
					<span className="tr-heatmap__hint">Pick a cell to filter</span>
				)}
			</div>
			<div className="tr-heatmap__frame">
				<span className="tr-heatmap__axis tr-heatmap__axis--y" aria-hidden="true">
					Likelihood
				</span>
				{/* biome-ignore lint/a11y/useSemanticElements: a grid of counts, not form fields: role=group names it without a fieldset's form semantics and box */}
				<div className="tr-heatmap__grid" role="group" aria-labelledby={titleId}>
					{ROWS.map((likelihood) => (
						<div key={likelihood} className="tr-heatmap__row">
							<span className="tr-heatmap__level" aria-hidden="true">
								{likelihood}
							</span>
							{RISK_LEVELS.map((impact) => {
								const count = heatMapCount(counts, likelihood, impact)
								const band = riskBandFor(likelihood, impact)
								const pressed = isSelected(likelihood, impact)
								return (
									<button
										key={impact}
										type="button"
										className={`tr-heatmap__cell tr-risk--${band.colorToken}`}
										data-testid={`heatmap.cell.${likelihood}-${impact}`}
										data-count={count}
										data-empty={count === 0}
										aria-pressed={pressed}
										aria-label={`Likelihood ${likelihood}, impact ${impact}, score ${likelihood * impact} (${band.name}): ${threatsText(count)}`}
										title={`L${likelihood} × I${impact} = ${likelihood * impact} · ${band.name} · ${threatsText(count)}`}
										disabled={count === 0 && !pressed}
										onClick={() => onSelect(pressed ? null : { likelihood, impact })}
									>
										{count > 0 ? count : ''}
									</button>
								)
							})}
						</div>
					))}
					<div className="tr-heatmap__row tr-heatmap__row--axis" aria-hidden="true">
						<span className="tr-heatmap__level" />
						{RISK_LEVELS.map((impact) => (
							<span key={impact} className="tr-heatmap__level">
								{impact}
							</span>
						))}
					</div>
				</div>
			</div>
			<span className="tr-heatmap__axis tr-heatmap__axis--x" aria-hidden="true">
				Impact
			</span>
		</div>
	)
}
