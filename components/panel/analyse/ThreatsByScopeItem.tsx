'use client'

import { useState } from 'react'
import { useValue } from 'tldraw'
import { elementLabel } from '@/lib/session/canvasElements'
import { SCOPE_ITEM_LABEL } from '@/lib/session/records/scopeItemRecord'
import { isLinkableScopeItem, threatsLinkedTo } from '@/lib/session/threatScopeLinks'
import { WHOLE_MODEL_LABEL } from '@/lib/reports/threatFacts'
import { PanelSection } from '../common/PanelSection'
import { SelectField } from '../common/SelectField'
import { useSession } from '../SessionContext'
import { ThreatItem } from '../threats/ThreatItem'
import { categoriesOf } from './elementCategories'

/** Analyse: the threats, on any element or the whole model, that name one asset or threat agent. */
export function ThreatsByScopeItem() {
	const { model } = useSession()
	const items = useValue('linkable scope items', () => model.scopeItems.get().filter(isLinkableScopeItem), [model])
	const threats = useValue(model.threats)
	const elements = useValue(model.elements)
	const [chosenId, setChosenId] = useState('')
	// A chosen item deleted meanwhile falls back to no filter.
	const chosen = items.find((item) => item.id === chosenId) ?? null
	const shown = chosen ? threatsLinkedTo(threats, chosen) : []
	if (items.length === 0) return null
	return (
		<PanelSection title="Threats by asset or agent" testId="panel.analyse.byScope">
			<SelectField
				label="Asset or threat agent"
				testId="panel.analyse.scopeFilter"
				value={chosen?.id ?? ''}
				onChange={setChosenId}
				options={items.map((item) => item.id)}
				optionLabel={(id) => {
					const item = items.find((candidate) => candidate.id === id)
					return item ? `${item.humanId} ${item.title} (${SCOPE_ITEM_LABEL[item.kind]})` : id
				}}
				emptyOption="Choose one to filter by"
			/>
			{chosen &&
				(shown.length === 0 ? (
					<p className="tr-empty" data-testid="panel.analyse.byScope.empty">
						No threat names {chosen.humanId} yet.
					</p>
				) : (
					<ul className="tr-list tr-threats" aria-label={`Threats naming ${chosen.humanId}`} data-testid="panel.analyse.byScope.threats">
						{shown.map((threat) => {
							const element = threat.shapeId === null ? null : elements.find((candidate) => candidate.shapeId === threat.shapeId)
							return (
								<ThreatItem
									key={threat.id}
									threat={threat}
									categories={element ? categoriesOf(model.framework, element).map((category) => category.id) : []}
									showElement={threat.shapeId === null ? WHOLE_MODEL_LABEL : element ? elementLabel(element) : 'deleted element'}
								/>
							)
						})}
					</ul>
				))}
		</PanelSection>
	)
}
