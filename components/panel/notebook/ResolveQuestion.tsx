'use client'

import type { TLShapeId } from '@tldraw/tlschema'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { OTHER_CATEGORY_ID } from '@/lib/frameworks/otherCategory'
import { elementLabel } from '@/lib/session/canvasElements'
import { type Resolution, resolvedQuestion } from '@/lib/session/notebookFactories'
import { newScopeItemRecord } from '@/lib/session/recordFactories'
import type { ParkedQuestionRecord } from '@/lib/session/records/parkedQuestionRecord'
import { PARKED_REASON_MAX } from '@/lib/session/records/parkedQuestionRecord'
import { SCOPE_TITLE_MAX } from '@/lib/session/records/scopeItemRecord'
import { THREAT_TITLE_MAX } from '@/lib/session/records/threatRecord'
import { emptyThreatDraft } from '@/lib/session/threatDraft'
import { categoriesOf } from '../analyse/elementCategories'
import { SelectField } from '../common/SelectField'
import { TextField } from '../common/TextField'
import { useSession } from '../SessionContext'
import { putSessionRecords } from '../sessionWrites'
import { addThreat } from '../threats/threatActions'
import { ThreatForm } from '../threats/ThreatForm'
import { useWriter } from './useWriter'

type Mode = 'menu' | 'threat' | 'dismiss'

/** The element choice that makes the threat model-level: no shape id is this value. */
const WHOLE_MODEL = 'whole-model'

/**
 * The facilitator's ways out for a parked question. Each writes what the question became and, in
 * the same push, the question with a link to it.
 */
export function ResolveQuestion({ question }: { question: ParkedQuestionRecord }) {
	const { editor, model } = useSession()
	const { me, now } = useWriter()
	const [mode, setMode] = useState<Mode>('menu')
	const [reason, setReason] = useState('')
	const elements = useValue('elements', () => model.elements.get(), [model])
	const focused = useValue('focused element', () => model.focusedElement.get(), [model])
	const [elementId, setElementId] = useState<string>(question.shapeId ?? focused?.shapeId ?? '')
	const element = elements.find((candidate) => candidate.shapeId === elementId)
	const wholeModel = elementId === WHOLE_MODEL

	const resolve = (resolution: Resolution, created: Parameters<typeof putSessionRecords>[1] = []) => {
		putSessionRecords(editor, [...created, resolvedQuestion(question, resolution, me, now())])
		setMode('menu')
	}
	const toScope = (kind: 'assumption' | 'outOfScope') => {
		const item = newScopeItemRecord(kind, {
			title: question.question.slice(0, SCOPE_TITLE_MAX),
			description: `Parked by ${question.askedByName || 'a participant'} during the walk.`,
			confidentiality: null,
			integrity: null,
			availability: null,
			inScope: true,
		})
		resolve({ resolution: kind, resolvedTo: item.id, reason: '' }, [item])
	}

	if (mode === 'dismiss') {
		return (
			<form
				className="tr-parked__resolve"
				onSubmit={(event) => {
					event.preventDefault()
					if (reason.trim()) resolve({ resolution: 'dismissed', resolvedTo: null, reason })
				}}
			>
				<TextField label="Why dismiss it?" testId="panel.parking.reason" value={reason} onChange={setReason} maxLength={PARKED_REASON_MAX} autoFocus required />
				<button type="submit" className="tr-button tr-button--small" data-testid="panel.parking.confirmDismiss" disabled={!reason.trim()}>
					Dismiss
				</button>
				<button type="button" className="tr-text-button" onClick={() => setMode('menu')}>
					Cancel
				</button>
			</form>
		)
	}
	if (mode === 'threat') {
		return (
			<div className="tr-parked__resolve">
				<SelectField
					label="Element"
					testId="panel.parking.element"
					value={elementId}
					onChange={setElementId}
					options={[WHOLE_MODEL, ...elements.map((candidate) => candidate.shapeId)]}
					optionLabel={(shapeId) => {
						if (shapeId === WHOLE_MODEL) return 'Whole model (no one element)'
						const candidate = elements.find((entry) => entry.shapeId === shapeId)
						return candidate ? elementLabel(candidate) : shapeId
					}}
					emptyOption="Choose the element it threatens"
				/>
				{element || wholeModel ? (
					<ThreatForm
						key={element?.shapeId ?? WHOLE_MODEL}
						framework={model.framework}
						categories={element ? categoriesOf(model.framework, element).map((category) => category.id) : []}
						initial={{ ...emptyThreatDraft(element ? [] : [OTHER_CATEGORY_ID]), title: question.question.slice(0, THREAT_TITLE_MAX) }}
						submitLabel="Add threat"
						onCancel={() => setMode('menu')}
						onSubmit={(draft) => {
							const threat = addThreat(editor, element ? (element.shapeId as TLShapeId) : null, draft)
							resolve({ resolution: 'threat', resolvedTo: threat.id, reason: '' })
						}}
					/>
				) : (
					<button type="button" className="tr-text-button" onClick={() => setMode('menu')}>
						Cancel
					</button>
				)}
			</div>
		)
	}
	return (
		// biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields: role=group names it without a fieldset's form semantics and box
		<div className="tr-parked__actions" role="group" aria-label="Resolve this question">
			<button type="button" className="tr-text-button" data-testid="panel.parking.toAssumption" onClick={() => toScope('assumption')}>
				Assumption
			</button>
			<button type="button" className="tr-text-button" data-testid="panel.parking.toOutOfScope" onClick={() => toScope('outOfScope')}>
				Out of scope
			</button>
			<button type="button" className="tr-text-button" data-testid="panel.parking.toThreat" onClick={() => setMode('threat')}>
				Threat…
			</button>
			<button type="button" className="tr-text-button" data-testid="panel.parking.dismiss" onClick={() => setMode('dismiss')}>
				Dismiss…
			</button>
		</div>
	)
}
