'use client'

import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { nextWalkStep, previousWalkStep } from '@/lib/analysis/walkOrder'
import { DFD_KIND_LABEL } from '@/lib/dfd/elementKinds'
import { elementLabel } from '@/lib/session/canvasElements'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { FollowToggle } from './FollowToggle'
import type { FollowState } from './useFollowFacilitator'
import { focusElement } from './walkActions'

/** The focused element for everyone, the facilitator's Previous/Next along the walk, and follow/roam. */
export function FocusNavigator({ follow }: { follow: FollowState }) {
	const session = useSession()
	const { editor, model, role } = session
	const focused = useValue(model.focusedElement)
	const steps = useValue('walk steps', () => model.walkPage.get().steps, [model])
	const facilitator = canFacilitate(role)
	const focusId = focused?.shapeId ?? null
	const position = focusId === null ? -1 : steps.findIndex((step) => step.id === focusId)
	const next = nextWalkStep(steps, focusId)
	const previous = focusId === null ? null : previousWalkStep(steps, focusId)
	const go = (id: string) => focusElement(editor, model, id as TLShapeId)

	return (
		<div className="tr-focus">
			<div className="tr-focus__current">
				<span className="tr-focus__eyebrow">
					{focused ? `${DFD_KIND_LABEL[focused.kind]}${position >= 0 ? ` · step ${position + 1} of ${steps.length}` : ''}` : 'Focus'}
				</span>
				<span className="tr-focus__label" data-testid="panel.focus.current">
					{focused ? elementLabel(focused) : facilitator ? 'Click an element or press Next' : 'Waiting for the facilitator to focus an element'}
				</span>
				{focused?.outOfScope && <span className="tr-tag tr-tag--out">out of scope</span>}
			</div>
			{facilitator ? (
				<div className="tr-focus__nav">
					<button
						type="button"
						className="tr-button tr-button--secondary tr-button--small"
						data-testid="panel.focus.previous"
						disabled={!previous}
						onClick={() => previous && go(previous.id)}
						title={previous ? `Previous: ${previous.humanId}` : undefined}
					>
						← Prev
					</button>
					<button
						type="button"
						className="tr-button tr-button--small"
						data-testid="panel.focus.next"
						disabled={!next}
						onClick={() => next && go(next.id)}
						title={next ? `Next: ${next.humanId}` : 'End of the walk'}
					>
						{focused ? 'Next →' : 'Start walk →'}
					</button>
				</div>
			) : (
				<FollowToggle follow={follow} />
			)}
		</div>
	)
}
