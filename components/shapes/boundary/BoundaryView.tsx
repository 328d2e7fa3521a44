import { HTMLContainer, SVGContainer } from 'tldraw'
import { humanIdTag, trustZoneLabel } from '@/lib/dfd/labels'
import type { BoundaryShape } from '@/lib/dfd/shapes/boundary-props'
import { BOUNDARY_HEADING_FONT_SIZE, BOUNDARY_HEADING_PADDING_X, boundaryHeadingParts } from './boundaryHeading'

/** The heading's box in shape space (its hit area), and the scale its content is drawn at. */
export interface HeadingBox {
	x: number
	y: number
	width: number
	height: number
	scale: number
}

interface BoundaryViewProps {
	shape: BoundaryShape
	headingBox: HeadingBox
}

export function BoundaryView({ shape, headingBox }: BoundaryViewProps) {
	const { w, h, outOfScope } = shape.props
	const { name, suffix } = boundaryHeadingParts(shape.props)
	return (
		<>
			<SVGContainer className={outOfScope ? 'dfd-boundary dfd-boundary--out-of-scope' : 'dfd-boundary'}>
				<rect className="dfd-boundary__box" width={w} height={h} />
			</SVGContainer>
			<HTMLContainer>
				<div
					className={outOfScope ? 'dfd-boundary__heading dfd-boundary__heading--out-of-scope' : 'dfd-boundary__heading'}
					style={{
						left: headingBox.x,
						top: headingBox.y,
						// Laid out at 1×, then scaled, so it fills exactly its hit box.
						width: headingBox.width / headingBox.scale,
						height: headingBox.height / headingBox.scale,
						transform: `scale(${headingBox.scale})`,
						transformOrigin: 'top left',
						fontSize: BOUNDARY_HEADING_FONT_SIZE,
						paddingLeft: BOUNDARY_HEADING_PADDING_X,
						paddingRight: BOUNDARY_HEADING_PADDING_X,
					}}
				>
					<span className="dfd-boundary__tag">
						<span data-testid="shape.humanId">{humanIdTag(shape.props.humanId)}</span>
						{` · ${trustZoneLabel(shape.props.trustZone)}`}
					</span>
					{name && <span className="dfd-boundary__name">{name}</span>}
					{suffix && <span className="dfd-boundary__out-of-scope">{suffix}</span>}
				</div>
			</HTMLContainer>
		</>
	)
}
