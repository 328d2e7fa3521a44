'use client'

import { type Editor, Group2d, type TLShape, type TLShapeId, useEditor, useValue } from 'tldraw'
import { useOptionalSession } from '@/components/panel/SessionContext'
import { humanIdTag } from '@/lib/dfd/labels'
import type { DfdKind } from '@/lib/dfd/elementKinds'
import { flowLabelPageBox } from './flowLabelBox'

/** Screen pixels between the element and its ring, so the ring never hides the outline. */
const RING_GAP_PX = 8
/** Screen pixels between a flow's label and the focus tag under it. */
const FLOW_TAG_GAP_PX = 6
/** For a flow without a label: below the ID tag centred on its line. */
const FLOW_LINE_TAG_GAP_PX = 12
const ROUND_KINDS = new Set<DfdKind>(['process', 'multiprocess'])

type Ring =
	| { kind: 'box'; shapeId: string; tag: string; round: boolean; left: number; top: number; width: number; height: number }
	| { kind: 'flow'; shapeId: string; tag: string; path: string; tagX: number; tagY: number }

/**
 * A flow is ringed along its own line, not by a box: a box around a flow spans the elements at
 * both ends and covers their IDs. Its tag goes under the label (the flow's ID sits above it).
 */
function flowRing(editor: Editor, arrow: TLShape, shapeId: string, tag: string): Ring | null {
	const geometry = editor.getShapeGeometry(arrow)
	const children = geometry instanceof Group2d ? geometry.children : [geometry]
	const body = children.find((child) => !child.isLabel)
	if (!body) return null
	const transform = editor.getShapePageTransform(arrow)
	const toScreen = (point: { x: number; y: number }) => editor.pageToViewport(transform.applyToPoint(point))
	const path = body.vertices
		.map((vertex, i) => {
			const point = toScreen(vertex)
			return `${i === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`
		})
		.join(' ')
	const label = flowLabelPageBox(editor, arrow)
	const under = label ? editor.pageToViewport({ x: label.center.x, y: label.maxY }) : toScreen(body.interpolateAlongEdge(0.5))
	return { kind: 'flow', shapeId, tag, path, tagX: under.x, tagY: under.y + (label ? FLOW_TAG_GAP_PX : FLOW_LINE_TAG_GAP_PX) }
}

/**
 * The element under discussion, ringed and glowing on everyone's canvas: the room looks at the
 * same thing. Screen space (constant width at every zoom), never takes pointer events.
 */
export function FocusRing() {
	const editor = useEditor()
	const session = useOptionalSession()
	const ring = useValue('focus ring', (): Ring | null => {
		const focused = session?.model.focusedElement.get()
		if (!focused || focused.pageId !== editor.getCurrentPageId()) return null
		const shape = editor.getShape(focused.shapeId as TLShapeId)
		if (!shape) return null
		const tag = humanIdTag(focused.humanId)
		if (focused.kind === 'flow') return flowRing(editor, shape, focused.shapeId, tag)
		const bounds = editor.getShapePageBounds(shape)
		if (!bounds) return null
		const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
		const zoom = editor.getZoomLevel()
		return {
			kind: 'box',
			shapeId: focused.shapeId,
			tag,
			round: ROUND_KINDS.has(focused.kind),
			left: topLeft.x - RING_GAP_PX,
			top: topLeft.y - RING_GAP_PX,
			width: bounds.width * zoom + RING_GAP_PX * 2,
			height: bounds.height * zoom + RING_GAP_PX * 2,
		}
	}, [editor, session])
	if (!ring) return null
	if (ring.kind === 'flow') {
		return (
			<div className="tr-focus-flow" data-testid="canvas.focus" data-shape-id={ring.shapeId} aria-hidden="true">
				<svg className="tr-focus-flow__svg" aria-hidden="true">
					<path className="tr-focus-flow__line" d={ring.path} />
				</svg>
				<span className="tr-focus-ring__tag tr-focus-ring__tag--flow" style={{ left: ring.tagX, top: ring.tagY }}>
					Focus · {ring.tag}
				</span>
			</div>
		)
	}
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
