'use client'

import { Group2d, useEditor, useValue, Vec, type Editor, type TLShape } from 'tldraw'
import { FLOW_SHAPE_TYPE } from '@/lib/dfd/elementKinds'
import { flowMetaOf } from '@/lib/dfd/flowMeta'
import { humanIdTag } from '@/lib/dfd/labels'
import { flowLabelPageBox } from './flowLabelBox'

interface FlowTag {
	id: string
	text: string
	x: number
	y: number
	/** Above the label when the flow has one, else centred on the arrow's midpoint. */
	aboveLabel: boolean
	outOfScope: boolean
}

/**
 * Where a flow's tags sit, in page space: the top centre of its label as drawn when it has one,
 * else the middle of the arrow. Shared with the threat badges so both stay attached to the same spot.
 */
export function flowLabelAnchor(editor: Editor, arrow: TLShape): { point: Vec; aboveLabel: boolean } | null {
	const label = flowLabelPageBox(editor, arrow)
	if (label) return { point: new Vec(label.center.x, label.minY), aboveLabel: true }
	const geometry = editor.getShapeGeometry(arrow)
	const children = geometry instanceof Group2d ? geometry.children : [geometry]
	const body = children.find((child) => !child.isLabel)
	if (!body) return null
	return { point: editor.getShapePageTransform(arrow).applyToPoint(body.interpolateAlongEdge(0.5)), aboveLabel: false }
}

function flowTag(editor: Editor, arrow: TLShape): FlowTag | null {
	const anchor = flowLabelAnchor(editor, arrow)
	if (!anchor) return null
	const screen = editor.pageToViewport(anchor.point)
	const meta = flowMetaOf(arrow.meta)
	return {
		id: arrow.id,
		text: humanIdTag(meta.humanId),
		x: screen.x,
		y: screen.y,
		aboveLabel: anchor.aboveLabel,
		outOfScope: meta.outOfScope,
	}
}

/**
 * Each data flow's human ID ("DF1") next to its label, in screen space so it stays the same size
 * at every zoom. Mounted as tldraw's `InFrontOfTheCanvas`; it never takes pointer events.
 */
export function FlowIdTags() {
	const editor = useEditor()
	const tags = useValue(
		'flow id tags',
		() =>
			editor
				.getCurrentPageShapes()
				.filter((shape) => shape.type === FLOW_SHAPE_TYPE)
				.map((arrow) => flowTag(editor, arrow))
				.filter((tag): tag is FlowTag => tag !== null),
		[editor],
	)
	return (
		<div className="tr-flow-tags">
			{tags.map((tag) => (
				<span
					key={tag.id}
					className={[
						'tr-flow-tag',
						tag.aboveLabel ? 'tr-flow-tag--above-label' : 'tr-flow-tag--on-line',
						tag.outOfScope ? 'tr-flow-tag--out-of-scope' : '',
					].join(' ')}
					data-testid="flow.humanId"
					data-shape-id={tag.id}
					style={{ left: tag.x, top: tag.y }}
				>
					{tag.text}
				</span>
			))}
		</div>
	)
}
