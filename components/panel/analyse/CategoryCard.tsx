'use client'

import { useState } from 'react'
import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import type { FrameworkCategory } from '@/lib/frameworks/frameworkTypes'
import { naMarkIdFor } from '@/lib/session/records/naMarkRecord'
import { canContribute, canFacilitate } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { NaMarkForm } from './NaMarkForm'
import { markNotApplicable, unmarkNotApplicable } from './walkActions'

/**
 * One category of the framework on the focused element: the question to ask the room, examples
 * to get a quiet room talking, and whether it is covered (threats) or ruled out (n/a, with why).
 */
export function CategoryCard({
	shapeId,
	category,
	onAddThreat,
}: {
	shapeId: TLShapeId
	category: FrameworkCategory
	onAddThreat: (categoryId: string) => void
}) {
	const { editor, model, role } = useSession()
	const [marking, setMarking] = useState(false)
	const threatCount = useValue(
		'category threats',
		() => model.liveThreats.get().filter((threat) => threat.shapeId === shapeId && threat.categories.includes(category.id)).length,
		[model, shapeId, category.id],
	)
	const mark = useValue('n/a mark', () => editor.store.get(naMarkIdFor(shapeId, category.id)) ?? null, [editor, shapeId, category.id])
	const state = threatCount > 0 ? 'covered' : mark ? 'na' : 'open'

	return (
		<li className={`tr-category tr-category--${state}`} data-testid={`panel.category.${category.id}`} data-state={state}>
			<div className="tr-category__head">
				<span className="tr-category__id" aria-hidden="true">
					{category.id}
				</span>
				<span className="tr-category__name">{category.name}</span>
				<span className="tr-category__state">{threatCount > 0 ? `${threatCount} ${threatCount === 1 ? 'threat' : 'threats'}` : mark ? 'n/a' : 'open'}</span>
			</div>
			<p className="tr-category__question">{category.question}</p>
			{mark && (
				<p className="tr-category__na" data-testid="panel.na.mark">
					<span className="tr-category__na-label">Not applicable:</span> {mark.reason}
					{mark.markedByName && <span className="tr-category__na-by"> — {mark.markedByName}</span>}
				</p>
			)}
			<details className="tr-category__examples">
				<summary>Examples</summary>
				<ul>
					{category.examples.map((example) => (
						<li key={example}>{example}</li>
					))}
				</ul>
			</details>
			{marking ? (
				<NaMarkForm
					categoryName={category.name}
					onCancel={() => setMarking(false)}
					onSubmit={(reason) => {
						markNotApplicable(editor, shapeId, category.id, reason)
						setMarking(false)
					}}
				/>
			) : (
				<div className="tr-row-actions">
					{canContribute(role) && (
						<button type="button" className="tr-text-button" data-testid={`panel.category.${category.id}.add`} onClick={() => onAddThreat(category.id)}>
							+ Threat
						</button>
					)}
					{canFacilitate(role) && (
						<button
							type="button"
							className="tr-text-button"
							data-testid={`panel.na.${category.id}`}
							aria-pressed={mark !== null}
							title={mark ? 'Take the n/a mark back' : 'No threat here: mark as not applicable, with a reason'}
							onClick={() => (mark ? unmarkNotApplicable(editor, shapeId, category.id) : setMarking(true))}
						>
							{mark ? 'Unmark n/a' : 'Not applicable'}
						</button>
					)}
				</div>
			)}
		</li>
	)
}
