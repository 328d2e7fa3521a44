'use client'

import { type Editor, type TLShape, useEditor, useValue } from 'tldraw'
import { useOptionalSession } from '@/components/panel/SessionContext'
import type { ElementBadge } from '@/lib/session/elementBadges'
import { DFD_SHAPE_TYPES, FLOW_SHAPE_TYPE } from '@/lib/dfd/elementKinds'
import { flowLabelAnchor } from './FlowIdTags'

interface PlacedBadge extends ElementBadge {
	x: number
	y: number
	onFlow: boolean
}

/**
 * Top-right corner of a box element; for a flow, beside its ID tag; for a trust boundary the
 * bottom-right corner, as its heading runs along the top and may reach past the right edge.
 */
function badgeAnchor(editor: Editor, shape: TLShape): { x: number; y: number; onFlow: boolean } | null {
	if (shape.type === FLOW_SHAPE_TYPE) {
		const anchor = flowLabelAnchor(editor, shape)
		if (!anchor) return null
		const screen = editor.pageToViewport(anchor.point)
		return { x: screen.x, y: screen.y, onFlow: true }
	}
	const bounds = editor.getShapePageBounds(shape)
	if (!bounds) return null
	const screen = editor.pageToViewport({ x: bounds.maxX, y: shape.type === DFD_SHAPE_TYPES.boundary ? bounds.maxY : bounds.minY })
	return { x: screen.x, y: screen.y, onFlow: false }
}

/**
 * Each element's threats at a glance: how many, coloured by the worst effective band, with a dot
 * while categories are still open. Shown from Analyse on (earlier only where threats exist).
 */
export function ElementBadges() {
	const editor = useEditor()
	const session = useOptionalSession()
	const badges = useValue('element badges', (): PlacedBadge[] => {
		if (!session) return []
		const { model } = session
		const analysing = model.phase.get().phase === 'analyse' || model.phase.get().phase === 'decide'
		const placed: PlacedBadge[] = []
		for (const badge of model.badges.get().values()) {
			if (badge.threatCount === 0 && !analysing) continue
			const shape = editor.getShape(badge.shapeId as TLShape['id'])
			if (!shape || editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) continue
			const anchor = badgeAnchor(editor, shape)
			if (anchor) placed.push({ ...badge, ...anchor })
		}
		return placed
	}, [editor, session])
	return (
		<div className="tr-badges">
			{badges.map((badge) => {
				const open = badge.uncoveredCount > 0
				const title = [
					`${badge.threatCount} ${badge.threatCount === 1 ? 'threat' : 'threats'}`,
					badge.worstBand ? `worst: ${badge.worstBand.name} (${badge.worstScore})` : null,
					open ? `${badge.uncoveredCount} ${badge.uncoveredCount === 1 ? 'category' : 'categories'} still open` : null,
				]
					.filter(Boolean)
					.join(' · ')
				return (
					<span
						key={badge.shapeId}
						className={[
							'tr-badge',
							badge.worstBand ? `tr-risk--${badge.worstBand.colorToken}` : 'tr-badge--none',
							badge.onFlow ? 'tr-badge--flow' : 'tr-badge--node',
						].join(' ')}
						style={{ left: badge.x, top: badge.y }}
						data-testid="canvas.badge"
						data-shape-id={badge.shapeId}
						data-count={badge.threatCount}
						data-band={badge.worstBand?.name ?? ''}
						data-uncovered={badge.uncoveredCount}
						title={title}
						role="img"
						aria-label={title}
					>
						{badge.threatCount}
						{open && <span className="tr-badge__open" aria-hidden="true" />}
					</span>
				)
			})}
		</div>
	)
}
