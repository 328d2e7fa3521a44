import type { PointerEvent } from 'react'
import { getPointerInfo, HTMLContainer, SVGContainer, useEditor, useIsEditing } from 'tldraw'
import { humanIdTag, trustZoneLabel } from '@/lib/dfd/labels'
import type { BoundaryShape } from '@/lib/dfd/shapes/boundary-props'
import { DfdNameEditor } from '../shared/DfdNameEditor'

/** A narrow boundary's heading still gets this much room before its name wraps, in page units. */
const BOUNDARY_HEADING_MIN_WIDTH = 240

/**
 * The dashed box, and its heading as a tab on top of the box's top edge: outside, so it never
 * covers the elements inside, and as wide as its name needs (wrapping between words past the
 * box's width or BOUNDARY_HEADING_MIN_WIDTH) instead of truncating it.
 */
export function BoundaryView({ shape }: { shape: BoundaryShape }) {
	const editor = useEditor()
	const isEditing = useIsEditing(shape.id)
	const { w, h, name, outOfScope } = shape.props

	// The heading lies outside the shape's bounds, where tldraw's hit-testing never looks (the
	// bounds must stay the box's for resizing and snapping). So it takes its own presses and hands
	// them to the editor as presses on the boundary (select, drag), and renames on a double-click,
	// which tldraw would look for by hit-testing again.
	const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
		if (event.button !== 0 || editor.wasEventAlreadyHandled(event)) return
		editor.markEventAsHandled(event)
		editor.dispatch({ type: 'pointer', name: 'pointer_down', target: 'shape', shape, ...getPointerInfo(editor, event) })
	}
	const onDoubleClick = () => {
		if (!editor.canEditShape(shape)) return
		editor.markHistoryStoppingPoint('rename boundary')
		editor.setEditingShape(shape)
	}

	return (
		<>
			<SVGContainer className={outOfScope ? 'dfd-boundary dfd-boundary--out-of-scope' : 'dfd-boundary'}>
				<rect className="dfd-boundary__box" width={w} height={h} />
			</SVGContainer>
			<HTMLContainer>
				{/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer gesture on tldraw's canvas, whose keyboard shortcuts select and rename shapes; not a control */}
				<div
					className={outOfScope ? 'dfd-boundary__heading dfd-boundary__heading--out-of-scope' : 'dfd-boundary__heading'}
					style={{ maxWidth: Math.max(w, BOUNDARY_HEADING_MIN_WIDTH) }}
					onPointerDown={onPointerDown}
					onDoubleClick={onDoubleClick}
				>
					<span className="dfd-boundary__tag">
						<span data-testid="shape.humanId">{humanIdTag(shape.props.humanId)}</span>
						{` · ${trustZoneLabel(shape.props.trustZone)}`}
					</span>{' '}
					{isEditing ? (
						<DfdNameEditor shapeId={shape.id} name={name} className="dfd-name-editor--heading" />
					) : (
						name && <span className="dfd-boundary__name">{name}</span>
					)}{' '}
					{outOfScope && <span className="dfd-boundary__out-of-scope">out of scope</span>}
				</div>
			</HTMLContainer>
		</>
	)
}
