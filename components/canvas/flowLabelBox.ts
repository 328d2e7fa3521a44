import {
	type ArrowShapeUtil,
	Box,
	createComputedCache,
	type Editor,
	Group2d,
	renderHtmlFromRichTextForMeasurement,
	type TLArrowShape,
	type TLShape,
} from 'tldraw'
import { FLOW_SHAPE_TYPE } from '@/lib/dfd/elementKinds'

/**
 * The box a flow's label is drawn in, in the arrow's shape space. On a short flow tldraw squeezes
 * its label geometry to the arrow, narrower than a word; dfdShapes.css widens the drawn label to
 * its longest word, centred on the same point, so the tags around it measure that box instead.
 */
const labelBoxCache = createComputedCache('flow label box', (editor: Editor, arrow: TLArrowShape): Box | null => {
	const geometry = editor.getShapeGeometry(arrow)
	const label = geometry instanceof Group2d ? geometry.children.find((child) => child.isLabel) : undefined
	if (!label) return null
	const util = editor.getShapeUtil<ArrowShapeUtil>(FLOW_SHAPE_TYPE)
	const theme = editor.getCurrentTheme()
	const colorMode = editor.getColorMode()
	const display = {
		...util.options.getDefaultDisplayValues(editor, arrow, theme, colorMode),
		...util.options.getCustomDisplayValues(editor, arrow, theme, colorMode),
	}
	const { scale } = arrow.props
	const html = renderHtmlFromRichTextForMeasurement(editor, arrow.props.richText)
	const measure = (maxWidth: number | null, otherStyles?: Record<string, string>) =>
		editor.textMeasure.measureHtml(html, {
			fontFamily: display.labelFontFamily,
			fontSize: display.labelFontSize,
			lineHeight: display.labelLineHeight,
			fontWeight: 'normal',
			fontStyle: 'normal',
			padding: '0px',
			maxWidth,
			otherStyles,
		})
	const squeezedWidth = label.bounds.w / scale - display.labelPadding * 2
	const longestWordWidth = measure(null, { width: 'min-content' }).w
	const width = Math.max(squeezedWidth, longestWordWidth)
	const height = measure(width).h
	const size = { w: (width + display.labelPadding * 2) * scale, h: (height + display.labelPadding * 2) * scale }
	const { center } = label.bounds
	return new Box(center.x - size.w / 2, center.y - size.h / 2, size.w, size.h)
})

/** The drawn label's box of a flow, in page space; null for a flow without a label. */
export function flowLabelPageBox(editor: Editor, arrow: TLShape): Box | null {
	if (arrow.type !== FLOW_SHAPE_TYPE) return null
	const box = labelBoxCache.get(editor, arrow.id)
	if (!box) return null
	return Box.FromPoints(editor.getShapePageTransform(arrow).applyToPoints(box.corners))
}
