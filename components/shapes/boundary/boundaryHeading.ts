import { boundaryHeading } from '@/lib/dfd/labels'
import type { BoundaryShape } from '@/lib/dfd/shapes/boundary-props'

export const BOUNDARY_HEADING_FONT_SIZE = 13
export const BOUNDARY_HEADING_PADDING_X = 8
export const BOUNDARY_HEADING_HEIGHT = 24
/** The heading sits this far inside the dashed box, so it reads as the boundary's tab. */
export const BOUNDARY_HEADING_INSET = 6
/** Spacing between the heading's parts, shared by the CSS gap and the width measurement. */
export const BOUNDARY_HEADING_GAP = '   '

/** The heading's parts: "TB1 · Internal (zone 3)", the name, and "out of scope" when it is. */
export function boundaryHeadingParts(props: BoundaryShape['props']): { heading: string; name: string; suffix: string } {
	return {
		heading: boundaryHeading(props.humanId, props.trustZone),
		name: props.name,
		suffix: props.outOfScope ? 'out of scope' : '',
	}
}

/** How far labels grow when zoomed out, at most (the same cap as dfdShapes.css's ID tags). */
export const LABEL_MAX_ZOOM_OUT_SCALE = 2.5

/** Labels keep a legible screen size when zoomed out: 1 at 100% and closer, up to the cap. */
export function labelScaleForZoom(zoom: number): number {
	if (!(zoom > 0)) return 1
	return Math.min(LABEL_MAX_ZOOM_OUT_SCALE, Math.max(1, 1 / zoom))
}
