'use client'

import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { humanIdTag } from '@/lib/dfd/labels'
import type { DfdKind } from '@/lib/dfd/elementKinds'

/** Screen pixels between the element and its ring, so the ring never hides the outline. */
const RING_GAP_PX = 8
const ROUND_KINDS = new Set<DfdKind>(['process', 'multiprocess'])

/**
 * The element under discussion, ringed and glowing on everyone's canvas: the room looks at the
 * same thing. Screen space (constant width at every zoom), never takes pointer events.
 */
export function FocusRing() {
	const editor = useEditor()
	const session = useOptionalSession()
	const ring = useValue(
		'focus ring',
		() => {
			const focused = session?.model.focusedElement.get()
			if (!focused || focused.pageId !== editor.getCurrentPageId()) return null
			const bounds = editor.getShapePageBounds(focused.shapeId as TLShapeId)
			if (!bounds) return null
			const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
			const zoom = editor.getZoomLevel()
			return {
				shapeId: focused.shapeId,
				tag: humanIdTag(focused.humanId),
				round: ROUND_KINDS.has(focused.kind),
				left: topLeft.x - RING_GAP_PX,
				top: topLeft.y - RING_GAP_PX,
				width: bounds.width * zoom + RING_GAP_PX * 2,
				height: bounds.height * zoom + RING_GAP_PX * 2,
			}
		},
		[editor, session],
	)
	if (!ring) return null
	return (
		<div
			className={ring.round ? 'tr-focus-ring tr-focus-ring--round' : 'tr-focus-ring'}
			data-testid="canvas.focus"
			data-shape-id={ring.shapeId}
			style={{ left: ring.left, top: ring.top, width: ring.width, height: ring.height }}
			aria-hidden="true"
		>
			<span className="tr-focus-ring__tag">Focus · {ring.tag}</span>
		</div>
	)
}
