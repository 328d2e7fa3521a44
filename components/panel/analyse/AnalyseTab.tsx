'use client'

import { useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import type { DfdElement } from '@/lib/dfd/dfdElementSchema'
import { elementLabel } from '@/lib/session/canvasElements'
import { canContribute } from '@/lib/session/sessionPermissions'
import { emptyThreatDraft } from '@/lib/session/threatDraft'
import { OTHER_CATEGORY_ID } from '@/lib/frameworks/otherCategory'
import { PanelSection } from '../common/PanelSection'
import { CoverageBar } from '../coverage/CoverageBar'
import { useSession } from '../SessionContext'
import { addThreat } from '../threats/threatActions'
import { ThreatForm } from '../threats/ThreatForm'
import { ThreatList } from '../threats/ThreatList'
import { CategoryCard } from './CategoryCard'
import { FocusNavigator } from './FocusNavigator'
import { MetadataFilter } from './MetadataFilter'
import { categoriesOf } from './elementCategories'
import { SuggestionList } from './SuggestionList'
import { ThreatsByScopeItem } from './ThreatsByScopeItem'
import type { FollowState } from './useFollowFacilitator'
import { WalkList } from './WalkList'
import '../metadata/metadata.css'
import './analyse.css'

/**
 * A threat being written, tied to the element it was started on (null: the whole model): when the
 * facilitator moves the focus on mid-sentence, the draft stays (and says where it will land)
 * instead of vanishing.
 */
interface ThreatDraftTarget {
	element: DfdElement | null
	preselected: string[]
}

function NewThreat({ target, focusedId, onDone }: { target: ThreatDraftTarget; focusedId: string | null; onDone: () => void }) {
	const { editor, model } = useSession()
	const { element } = target
	const moved = element !== null && element.shapeId !== focusedId
	return (
		<PanelSection title={element ? `New threat on ${elementLabel(element)}` : 'New model-level threat'}>
			{moved && <p className="tr-note">The focus has moved on; this threat still goes to {element.humanId}.</p>}
			<ThreatForm
				framework={model.framework}
				categories={element ? categoriesOf(model.framework, element).map((category) => category.id) : []}
				initial={emptyThreatDraft(target.preselected)}
				submitLabel="Add threat"
				onCancel={onDone}
				onSubmit={(draft) => {
					addThreat(editor, element ? (element.shapeId as TLShapeId) : null, draft)
					onDone()
				}}
			/>
		</PanelSection>
	)
}

/** Threats on no one element: brainstormed ones, or ones about the system as a whole. */
function WholeModel({ onAddThreat }: { onAddThreat: () => void }) {
	const { role } = useSession()
	return (
		<PanelSection
			title="Whole model"
			testId="panel.analyse.wholeModel"
			aside={
				canContribute(role) ? (
					<button type="button" className="tr-button tr-button--small" data-testid="panel.threat.addModelLevel" onClick={onAddThreat}>
						+ Add model-level threat
					</button>
				) : null
			}
		>
			<ThreatList shapeId={null} categories={[]} />
		</PanelSection>
	)
}

/** The threats, categories and suggestions of the focused element. */
function FocusedElement({ element, onAddThreat }: { element: DfdElement; onAddThreat: (preselected: string[]) => void }) {
	const { model, role } = useSession()
	const shapeId = element.shapeId as TLShapeId
	const categories = categoriesOf(model.framework, element)

	return (
		<>
			<PanelSection
				title="Threats"
				aside={
					canContribute(role) ? (
						<button type="button" className="tr-button tr-button--small" data-testid="panel.threat.add" onClick={() => onAddThreat([])}>
							+ Add threat
						</button>
					) : null
				}
			>
				<ThreatList shapeId={shapeId} categories={categories.map((category) => category.id)} />
			</PanelSection>
			<PanelSection title={`${model.framework} categories`}>
				{categories.length === 0 ? (
					<p className="tr-empty">No {model.framework} category applies to this kind of element.</p>
				) : (
					<ul className="tr-list tr-categories">
						{categories.map((category) => (
							<CategoryCard key={category.id} shapeId={shapeId} category={category} onAddThreat={(id) => onAddThreat([id])} />
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
	const [draftTarget, setDraftTarget] = useState<ThreatDraftTarget | null>(null)

	return (
		<div className="tr-tab-body" data-testid="panel.analyse">
			<FocusNavigator follow={follow} />
			<CoverageBar />
			{draftTarget && (
				<NewThreat
					key={`${draftTarget.element?.shapeId ?? 'model'}:${draftTarget.preselected.join()}`}
					target={draftTarget}
					focusedId={focused?.shapeId ?? null}
					onDone={() => setDraftTarget(null)}
				/>
			)}
			{focused && <FocusedElement key={focused.shapeId} element={focused} onAddThreat={(preselected) => setDraftTarget({ element: focused, preselected })} />}
			<MetadataFilter />
			<WholeModel onAddThreat={() => setDraftTarget({ element: null, preselected: [OTHER_CATEGORY_ID] })} />
			<ThreatsByScopeItem />
			<details className="tr-disclosure" open={!focused}>
				<summary>Walk order</summary>
				<WalkList />
			</details>
		</div>
	)
}
