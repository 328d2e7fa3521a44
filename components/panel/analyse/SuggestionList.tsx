'use client'

import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { suggestThreats, type ThreatSuggestion, withoutNotApplicable } from '@/lib/analysis/suggestions'
import { getCategory } from '@/lib/frameworks/frameworkCatalog'
import { riskBand } from '@/lib/risk/riskScore'
import { draftFromSuggestion } from '@/lib/session/recordFactories'
import { emptyMitigationDraft } from '@/lib/session/mitigationDraft'
import { mitigationTitleFromText } from '@/lib/session/records/threatMitigationsMigration'
import { addMitigation } from '../mitigations/mitigationActions'
import { canContribute } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { addThreat } from '../threats/threatActions'

/**
 * Threats the rules suggest for the focused element, from its properties and its place in the
 * diagram (trust zones, what flows in). One click adopts one as a threat; one already adopted on
 * this element is not offered again, nor one about categories marked not applicable on it.
 */
export function SuggestionList({ shapeId }: { shapeId: TLShapeId }) {
	const { editor, model, role, notify } = useSession()
	const suggestions = useValue('suggestions', (): ThreatSuggestion[] => {
		const context = model.walkPage.get().contexts.get(shapeId)
		if (!context) return []
		const adopted = new Set(
			model.liveThreats
				.get()
				.filter((threat) => threat.shapeId === shapeId && threat.sourceRuleId !== null)
				.map((threat) => threat.sourceRuleId),
		)
		const notApplicable = new Set(
			model.naMarks
				.get()
				.filter((mark) => mark.shapeId === shapeId)
				.map((mark) => mark.category),
		)
		const offered = suggestThreats(model.framework, context).filter((suggestion) => !adopted.has(suggestion.ruleId))
		return withoutNotApplicable(offered, notApplicable)
	}, [model, shapeId])
	if (suggestions.length === 0) return <p className="tr-empty">No suggestions for this element.</p>
	const contributor = canContribute(role)

	return (
		<ul className="tr-list tr-suggestions" aria-label="Suggested threats">
			{suggestions.map((suggestion) => {
				const band = riskBand(suggestion.riskScore)
				return (
					<li key={suggestion.ruleId} className="tr-suggestion" data-testid="panel.suggestion" data-rule-id={suggestion.ruleId}>
						<div className="tr-suggestion__head">
							<span className={`tr-risk tr-risk--${band.colorToken}`} title={`Default risk ${suggestion.riskScore}: ${band.name}`}>
								<span className="tr-risk__score">{suggestion.riskScore}</span>
							</span>
							<span className="tr-suggestion__title">{suggestion.title}</span>
							{contributor && (
								<button
									type="button"
									className="tr-button tr-button--small tr-button--secondary"
									data-testid="panel.suggestion.adopt"
									onClick={() => {
										const threat = addThreat(editor, shapeId, draftFromSuggestion(suggestion), suggestion.ruleId)
										// The rule's advice comes along as a planned mitigation, to edit or drop like any other.
										if (suggestion.mitigation.trim() !== '') {
											const title = mitigationTitleFromText(suggestion.mitigation, suggestion.title)
											addMitigation(editor, [threat.id], {
												...emptyMitigationDraft(),
												title,
												description: suggestion.mitigation.trim() === title ? '' : suggestion.mitigation,
											})
										}
										notify({ message: `Added “${suggestion.title}”`, tone: 'info', durationMs: 3_000 })
									}}
								>
									Adopt
								</button>
							)}
						</div>
						<p className="tr-suggestion__description">{suggestion.description}</p>
						<div className="tr-suggestion__meta">
							{suggestion.categories.map((id) => (
								<span key={id} className="tr-category-chip">
									{getCategory(model.framework, id)?.name ?? id}
								</span>
							))}
						</div>
					</li>
				)
			})}
		</ul>
	)
}
