'use client'

import { ElementBadges } from './ElementBadges'
import { FlowIdTags } from './FlowIdTags'
import { FocusRing } from './FocusRing'

/** Everything drawn in front of the canvas in screen space (tldraw's `InFrontOfTheCanvas` slot). */
export function CanvasOverlays() {
	return (
		<>
			<FocusRing />
			<FlowIdTags />
			<ElementBadges />
		</>
	)
}
