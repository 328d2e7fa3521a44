'use client'

import type { TLShapeId } from 'tldraw'
import { useValue } from 'tldraw'
import { WALK_GROUPS, type WalkGroup } from '@/lib/analysis/walkOrder'
import { elementLabel } from '@/lib/session/canvasElements'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { useSession } from '../SessionContext'
import { focusElement } from './walkActions'

const GROUP_LABEL: Record<WalkGroup, string> = {
	entities: 'External entities',
	boundaryFlows: 'Flows crossing a trust boundary',
	processes: 'Processes',
	stores: 'Data stores',
	internalFlows: 'Other flows',
}

/** The whole walk at a glance: where the room is, what is done, what is skipped as out of scope. */
export function WalkList() {
	const { editor, model, role } = useSession()
	const steps = useValue('walk steps', () => model.walkPage.get().steps, [model])
	const elements = useValue(model.elements)
	const coverage = useValue(model.coverage)
	const focusId = useValue('focus id', () => model.walk.get().focusShapeId, [model])
	const facilitator = canFacilitate(role)
	const byId = new Map(elements.map((element) => [element.shapeId, element]))
	const uncovered = new Map(coverage.perElement.map((element) => [element.elementId, element.uncovered.length]))

	if (steps.length === 0) return <p className="tr-empty">Draw the diagram first: there is nothing to walk yet.</p>
	return (
		<ol className="tr-walk" aria-label="Walk order">
			{WALK_GROUPS.map((group) => {
				const inGroup = steps.filter((step) => step.group === group)
				if (inGroup.length === 0) return null
				return (
					<li key={group} className="tr-walk__group">
						<span className="tr-walk__group-label">{GROUP_LABEL[group]}</span>
						<ol>
							{inGroup.map((step) => {
								const element = byId.get(step.id)
								const open = uncovered.get(step.id) ?? 0
								const label = element ? elementLabel(element) : step.humanId
								const status = step.skipped ? 'out of scope' : open === 0 ? 'done' : `${open} open`
								return (
									<li
										key={step.id}
										className={[
											'tr-walk__step',
											step.id === focusId ? 'tr-walk__step--focus' : '',
											step.skipped ? 'tr-walk__step--skipped' : '',
											!step.skipped && open === 0 ? 'tr-walk__step--done' : '',
										].join(' ')}
										data-testid="panel.walk.step"
									>
										{facilitator && !step.skipped ? (
											<button type="button" className="tr-walk__button" onClick={() => focusElement(editor, model, step.id as TLShapeId)}>
												{label}
											</button>
										) : (
											<span className="tr-walk__button">{label}</span>
										)}
										<span className="tr-walk__status">{status}</span>
									</li>
								)
							})}
						</ol>
					</li>
				)
			})}
		</ol>
	)
}
