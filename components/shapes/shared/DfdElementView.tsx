import type { ReactNode, SVGProps } from 'react'
import { HTMLContainer, SVGContainer, type TLShapeId, useIsEditing } from 'tldraw'
import { humanIdTag } from '@/lib/dfd/labels'
import type { DfdElementCommonProps } from '@/lib/dfd/shapes/commonProps'
import { DfdNameEditor } from './DfdNameEditor'

type FillAttrs = Pick<SVGProps<SVGElement>, 'className' | 'fill'>

export interface DfdElementViewProps {
	shapeId: TLShapeId
	props: DfdElementCommonProps
	/** The closed outline, drawn twice: once as the body fill, once hatched when out of scope. */
	renderFill: (attrs: FillAttrs) => ReactNode
	/** The strokes that make the DFD symbol (may differ from the fill, e.g. a store's two lines). */
	strokes: ReactNode
	/** Keeps text inside round shapes: the inset of the inscribed box, in page units. */
	textInset?: { x: number; y: number }
	tagPlacement: 'corner' | 'top'
}

/** A pattern id unique to the shape; shape ids contain ':' which url(#…) would misread. */
function hatchPatternId(shapeId: string): string {
	return `dfd-hatch-${shapeId.replace(/[^a-zA-Z0-9_-]/g, '_')}`
}

/**
 * The body every DFD element shares: the symbol in SVG, then its human ID tag and its name in
 * HTML (crisp at any zoom, and plain text in the DOM for tests and screen readers). Colours come
 * from tldraw's theme variables, so the shapes follow light and dark mode.
 */
export function DfdElementView({ shapeId, props, renderFill, strokes, textInset, tagPlacement }: DfdElementViewProps) {
	const patternId = hatchPatternId(shapeId)
	const isEditing = useIsEditing(shapeId)
	const inset = textInset ?? { x: 0, y: 0 }
	return (
		<>
			<SVGContainer className={props.outOfScope ? 'dfd-shape dfd-shape--out-of-scope' : 'dfd-shape'}>
				{props.outOfScope && (
					<defs>
						<pattern id={patternId} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
							<line x1="0" y1="0" x2="0" y2="10" className="dfd-shape__hatch-line" />
						</pattern>
					</defs>
				)}
				{renderFill({ className: 'dfd-shape__fill' })}
				{props.outOfScope && renderFill({ className: 'dfd-shape__hatch', fill: `url(#${patternId})` })}
				<g className="dfd-shape__stroke">{strokes}</g>
			</SVGContainer>
			<HTMLContainer className={props.outOfScope ? 'dfd-shape-text dfd-shape-text--out-of-scope' : 'dfd-shape-text'}>
				<span className={`dfd-shape-text__tag dfd-shape-text__tag--${tagPlacement}`} data-testid="shape.humanId">
					{humanIdTag(props.humanId)}
				</span>
				<div className="dfd-shape-text__label" style={{ left: inset.x, right: inset.x, top: inset.y, bottom: inset.y }}>
					{isEditing ? <DfdNameEditor shapeId={shapeId} name={props.name} /> : <span className="dfd-shape-text__name">{props.name}</span>}
					{props.outOfScope && <span className="dfd-shape-text__out-of-scope">out of scope</span>}
				</div>
			</HTMLContainer>
		</>
	)
}
