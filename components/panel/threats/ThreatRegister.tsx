'use client'

import { useValue } from 'tldraw'
import { applicableCategories } from '@/lib/frameworks/frameworkCatalog'
import { elementLabel, isLogStore } from '@/lib/session/canvasElements'
import { effectiveRating } from '@/lib/session/effectiveRating'
import { RISK_BANDS } from '@/lib/risk/riskScore'
import { CoverageBar } from '../coverage/CoverageBar'
import { useSession } from '../SessionContext'
import { ThreatItem } from './ThreatItem'

/** Decide: every threat of the session, highest effective risk first, with the band totals. */
export function ThreatRegister() {
	const { model } = useSession()
	const threats = useValue(model.liveThreats)
	const elements = useValue(model.elements)
	const byId = new Map(elements.map((element) => [element.shapeId, element]))
	const ranked = threats
		.map((threat) => ({ threat, rating: effectiveRating(threat) }))
		.sort((a, b) => b.rating.score - a.rating.score || a.threat.humanId.localeCompare(b.threat.humanId))

	return (
		<div className="tr-tab-body" data-testid="panel.register">
			<CoverageBar />
			<div className="tr-band-totals" aria-label="Threats per risk band">
				{RISK_BANDS.map((band) => (
					<span key={band.name} className={`tr-band-total tr-risk--${band.colorToken}`} title={`${band.priority}: ${band.action}`}>
						{ranked.filter(({ rating }) => rating.band.name === band.name).length} {band.name}
					</span>
				))}
			</div>
			{ranked.length === 0 ? (
				<p className="tr-empty">No threats yet.</p>
			) : (
				<ul className="tr-list tr-threats" aria-label="All threats by risk">
					{ranked.map(({ threat }) => {
						const element = byId.get(threat.shapeId)
						const categories = element ? applicableCategories(model.framework, { kind: element.kind, isLog: isLogStore(element) }) : []
						return (
							<ThreatItem key={threat.id} threat={threat} categories={categories} showElement={element ? elementLabel(element) : 'deleted element'} />
						)
					})}
				</ul>
			)}
		</div>
	)
}
