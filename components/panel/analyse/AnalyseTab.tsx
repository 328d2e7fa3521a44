'use client'

import { useEffect, useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { applicableCategories, getCategory } from '@/lib/frameworks/frameworkCatalog'
import type { FrameworkCategory } from '@/lib/frameworks/frameworkTypes'
import { isLogStore } from '@/lib/session/canvasElements'
import { canContribute } from '@/lib/session/sessionPermissions'
import { emptyThreatDraft } from '@/lib/session/threatDraft'
import { PanelSection } from '../common/PanelSection'
import { CoverageBar } from '../coverage/CoverageBar'
import { useSession } from '../SessionContext'
import { addThreat } from '../threats/threatActions'
import { ThreatForm } from '../threats/ThreatForm'
import { ThreatList } from '../threats/ThreatList'
import { CategoryCard } from './CategoryCard'
import { FocusNavigator } from './FocusNavigator'
import { SuggestionList } from './SuggestionList'
import type { FollowState } from './useFollowFacilitator'
import { WalkList } from './WalkList'

/** The categories, threats and suggestions of the focused element. */
function FocusedElement({ shapeId, categories }: { shapeId: TLShapeId; categories: readonly FrameworkCategory[] }) {
	const { editor, model, role } = useSession()
	const [adding, setAdding] = useState<string[] | null>(null)
	const categoryIds = categories.map((category) => category.id)
	useEffect(() => setAdding(null), [shapeId])

	return (
		<>
			<PanelSection
				title="Threats"
				aside={
					canContribute(role) && adding === null ? (
						<button type="button" className="tr-button tr-button--small" data-testid="panel.threat.add" onClick={() => setAdding([])}>
							+ Add threat
						</button>
					) : null
				}
			>
				{adding !== null && (
					<ThreatForm
						framework={model.framework}
						categories={categoryIds}
						initial={emptyThreatDraft(adding)}
						submitLabel="Add threat"
						onCancel={() => setAdding(null)}
						onSubmit={(draft) => {
							addThreat(editor, shapeId, draft)
							setAdding(null)
						}}
					/>
				)}
				<ThreatList shapeId={shapeId} categories={categoryIds} />
			</PanelSection>
			<PanelSection title={`${model.framework} categories`}>
				{categories.length === 0 ? (
					<p className="tr-empty">No {model.framework} category applies to this kind of element.</p>
				) : (
					<ul className="tr-list tr-categories">
						{categories.map((category) => (
							<CategoryCard key={category.id} shapeId={shapeId} category={category} onAddThreat={(id) => setAdding([id])} />
						))}
					</ul>
				)}
			</PanelSection>
			<PanelSection title="Suggestions">
				<SuggestionList shapeId={shapeId} />
			</PanelSection>
		</>
	)
}

/** Analyse: walk the diagram element by element, ask each category's question, record what the room finds. */
export function AnalyseTab({ follow }: { follow: FollowState }) {
	const { model } = useSession()
	const focused = useValue(model.focusedElement)
	const categories = focused
		? applicableCategories(model.framework, { kind: focused.kind, isLog: isLogStore(focused) })
				.flatMap((id): FrameworkCategory[] => {
					const category = getCategory(model.framework, id)
					return category ? [category] : []
				})
		: []

	return (
		<div className="tr-tab-body" data-testid="panel.analyse">
			<FocusNavigator follow={follow} />
			<CoverageBar />
			{focused && <FocusedElement key={focused.shapeId} shapeId={focused.shapeId as TLShapeId} categories={categories} />}
			<details className="tr-disclosure" open={!focused}>
				<summary>Walk order</summary>
				<WalkList />
			</details>
		</div>
	)
}
