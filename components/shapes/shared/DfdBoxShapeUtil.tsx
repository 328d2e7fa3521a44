import { BaseBoxShapeUtil, DefaultFontFaces, resizeBox, type TLFontFace, type TLResizeInfo, type TLShapeUtilCanBindOpts } from 'tldraw'
import { DFD_KIND_LABEL, dfdKindOfShapeType } from '@/lib/dfd/elementKinds'
import { humanIdTag } from '@/lib/dfd/labels'
import type { BoundaryShape } from '@/lib/dfd/shapes/boundary-props'
import type { EntityShape } from '@/lib/dfd/shapes/entity-props'
import type { MultiprocessShape } from '@/lib/dfd/shapes/multiprocess-props'
import type { ProcessShape } from '@/lib/dfd/shapes/process-props'
import type { StoreShape } from '@/lib/dfd/shapes/store-props'

export type DfdElementShape = EntityShape | ProcessShape | MultiprocessShape | StoreShape | BoundaryShape

/** Below this a shape's ID tag and name no longer fit; resizing stops there. */
const DFD_MIN_SIZE_PX = 40

const DFD_FONT_FACES: TLFontFace[] = [
	DefaultFontFaces.tldraw_sans.normal.normal,
	DefaultFontFaces.tldraw_sans.normal.bold,
	DefaultFontFaces.tldraw_sans.italic.normal,
]

/** What every DFD element util shares: resizing limits, fonts, text for search and screen readers. */
export abstract class DfdBoxShapeUtil<S extends DfdElementShape> extends BaseBoxShapeUtil<S> {
	/** Flows bind to elements; nothing else (e.g. a sticky note's binding) is meaningful here. */
	override canBind({ bindingType }: TLShapeUtilCanBindOpts<S>): boolean {
		return bindingType === 'arrow'
	}

	/**
	 * Double-click or Enter renames the element in place (DfdNameEditor), as in other diagram tools;
	 * without it tldraw takes the double-click as one on the empty canvas. Read-only canvases
	 * (observers, an ended session) stay out: tldraw asks canEditInReadonly, which stays false.
	 */
	override canEdit(): boolean {
		return true
	}

	override onResize(shape: S, info: TLResizeInfo<S>) {
		return resizeBox(shape, info, { minWidth: DFD_MIN_SIZE_PX, minHeight: DFD_MIN_SIZE_PX })
	}

	override getFontFaces(): TLFontFace[] {
		return DFD_FONT_FACES
	}

	override getText(shape: S): string {
		return shape.props.name
	}

	override getAriaDescriptor(shape: S): string {
		const kind = dfdKindOfShapeType(shape.type)
		const kindLabel = kind ? DFD_KIND_LABEL[kind] : shape.type
		const scope = shape.props.outOfScope ? ', out of scope' : ''
		return `${kindLabel} ${humanIdTag(shape.props.humanId)}: ${shape.props.name}${scope}`
	}
}
