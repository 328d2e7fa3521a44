'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { byRiskDescending } from '@/lib/reports/threatFacts'
import { RISK_BANDS } from '@/lib/risk/riskScore'
import { elementLabel } from '@/lib/session/canvasElements'
import type { ThreatRecord } from '@/lib/session/records/threatRecord'
import { canExport } from '@/lib/session/riskOwnerPermissions'
import { PanelSection } from '../common/PanelSection'
import { CoverageBar } from '../coverage/CoverageBar'
import { ExportPanel } from '../export/ExportPanel'
import { useSession } from '../SessionContext'
import { DecideThreatRow } from './DecideThreatRow'
import { type RiskCell, RiskHeatMap } from './RiskHeatMap'
import '../threats/threats.css'
import './decide.css'

/**
 * Decide: every threat of the session, highest effective risk first, each with the decision in
 * force; the heat map above filters the register to one likelihood × impact cell. The product
 * owner decides here, the facilitator on their behalf, everyone else watches the decisions land.
 */
export function DecideTab() {
	const { model, linkRole } = useSession()
	const rated = useValue(model.ratedThreats)
	const threats = useValue(model.liveThreats)
	const elements = useValue(model.elements)
	const [cell, setCell] = useState<RiskCell | null>(null)

	const recordOf = new Map<string, ThreatRecord>(threats.map((threat) => [threat.id, threat]))
	const labelOf = new Map(elements.map((element) => [element.shapeId, elementLabel(element)]))
	const ranked = [...rated].sort(byRiskDescending)
	const shown = cell ? ranked.filter(({ effective }) => effective.likelihood === cell.likelihood && effective.impact === cell.impact) : ranked
	const decided = rated.filter((threat) => threat.decision !== null).length

	return (
		<div className="tr-tab-body" data-testid="panel.register">
			<CoverageBar />
			{/* biome-ignore lint/a11y/useSemanticElements: counts, not form fields: role=group names them without a fieldset's form semantics and box */}
			<div className="tr-band-totals" role="group" aria-label="Threats per risk band">
				{RISK_BANDS.map((band) => (
					<span key={band.name} className={`tr-band-total tr-risk--${band.colorToken}`} title={`${band.priority}: ${band.action}`}>
						{rated.filter((threat) => threat.effective.band === band.name).length} {band.name}
					</span>
				))}
			</div>
			<RiskHeatMap threats={rated} selected={cell} onSelect={setCell} />
			{canExport(linkRole) && <ExportPanel />}
			<PanelSection
				title={cell ? `L${cell.likelihood} × I${cell.impact}` : 'Register'}
				testId="decide.register"
				aside={
					<span className="tr-decide-progress" data-testid="decide.progress">
						{decided} / {rated.length} decided
					</span>
				}
			>
				{shown.length === 0 ? (
					<p className="tr-empty">{cell ? 'No threats in this cell.' : 'No threats yet.'}</p>
				) : (
					<ul className="tr-list tr-threats" aria-label={cell ? 'Threats in the selected cell, by risk' : 'All threats by risk'}>
						{shown.map(({ id }) => {
							const threat = recordOf.get(id)
							if (!threat) return null
							return (
								<DecideThreatRow
									key={threat.id}
									threat={threat}
									elementLabel={threat.shapeId === null ? 'whole model' : (labelOf.get(threat.shapeId) ?? 'deleted element')}
								/>
							)
						})}
					</ul>
				)}
			</PanelSection>
		</div>
	)
}
